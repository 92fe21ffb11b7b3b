using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Domain.UnitTests.Orders;

public sealed class CouponTermsTests
{
    [Fact]
    public void R38_an_empty_goods_scope_covers_all_goods()
    {
        var coupon = new CouponTerms { CouponId = 1, CouponCodeId = 2, Kind = CouponKind.FixedAmount, Value = 100 };

        Assert.Empty(coupon.GoodsScope);
        Assert.True(coupon.Covers(1));
        Assert.True(coupon.Covers(188));
    }

    [Fact]
    public void R38_a_goods_scope_covers_only_the_listed_goods()
    {
        var coupon = new CouponTerms
        {
            CouponId = 1,
            CouponCodeId = 2,
            Kind = CouponKind.FixedAmount,
            Value = 100,
            GoodsScope = new HashSet<long> { 1, 2 },
        };

        Assert.True(coupon.Covers(1));
        Assert.True(coupon.Covers(2));
        Assert.False(coupon.Covers(188));
    }

    [Fact]
    public void R39_coupon_kinds_match_the_anqicms_money_type()
    {
        Assert.Equal(0, (int)CouponKind.FixedAmount);
        Assert.Equal(1, (int)CouponKind.Percent);
    }
}
