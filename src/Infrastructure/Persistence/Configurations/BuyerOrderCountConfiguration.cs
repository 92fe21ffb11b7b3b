using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

/// <summary>R62: a list's total is the sum of at most a few rows, however many orders the buyer has.</summary>
internal sealed class BuyerOrderCountConfiguration : IEntityTypeConfiguration<BuyerOrderCountRecord>
{
    public void Configure(EntityTypeBuilder<BuyerOrderCountRecord> builder)
    {
        builder.ToTable("buyer_order_counts");
        builder.HasKey(c => new { c.UserId, c.Status });
        builder.Property(c => c.UserId).HasColumnName("user_id");
        builder.Property(c => c.Status).HasColumnName("status");
        builder.Property(c => c.Orders).HasColumnName("orders");
    }
}
