using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

internal sealed class ProductOptionConfiguration : IEntityTypeConfiguration<ProductOptionRecord>
{
    public void Configure(EntityTypeBuilder<ProductOptionRecord> builder)
    {
        builder.ToTable("product_options");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(o => o.ProductId).HasColumnName("product_id");
        builder.Property(o => o.Title).HasColumnName("title").HasMaxLength(100).IsRequired();
        builder.HasOne<ProductRecord>().WithMany().HasForeignKey(o => o.ProductId);
    }
}
