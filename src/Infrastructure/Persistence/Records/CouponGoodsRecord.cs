namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of coupon_goods: one product a coupon is limited to.</summary>
public sealed class CouponGoodsRecord
{
    public long CouponId { get; set; }

    public long GoodsId { get; set; }
}
