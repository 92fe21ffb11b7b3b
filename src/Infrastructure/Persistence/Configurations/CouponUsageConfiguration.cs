using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

/// <summary>One row per redemption; the unique (coupon_code_id, user_id) makes a second redemption by the same buyer impossible (R40).</summary>
internal sealed class CouponUsageConfiguration : IEntityTypeConfiguration<CouponUsageRecord>
{
    public void Configure(EntityTypeBuilder<CouponUsageRecord> builder)
    {
        builder.ToTable("coupon_usages");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasColumnName("id");
        builder.Property(u => u.CouponCodeId).HasColumnName("coupon_code_id");
        builder.Property(u => u.UserId).HasColumnName("user_id");
        builder.Property(u => u.OrderId).HasColumnName("order_id").HasConversion(id => id.Value, value => new OrderId(value));
        builder.Property(u => u.CreatedTime).HasColumnName("created_time");
        builder.HasIndex(u => new { u.CouponCodeId, u.UserId }).IsUnique();
        builder.HasIndex(u => u.OrderId);
        builder.HasOne<CouponCodeRecord>().WithMany().HasForeignKey(u => u.CouponCodeId);
        builder.HasOne<Order>().WithMany().HasForeignKey(u => u.OrderId);
    }
}
