using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

internal sealed class CouponGoodsConfiguration : IEntityTypeConfiguration<CouponGoodsRecord>
{
    public void Configure(EntityTypeBuilder<CouponGoodsRecord> builder)
    {
        builder.ToTable("coupon_goods");
        builder.HasKey(g => new { g.CouponId, g.GoodsId });
        builder.Property(g => g.CouponId).HasColumnName("coupon_id");
        builder.Property(g => g.GoodsId).HasColumnName("goods_id");
    }
}
