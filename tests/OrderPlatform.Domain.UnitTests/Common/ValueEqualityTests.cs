using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Domain.UnitTests.Common;

/// <summary>Value objects holding sets or lists are equal when their contents are, not only when they share the same collection.</summary>
public sealed class ValueEqualityTests
{
    private static readonly SkuOptionValue Small = new(156, 33, "Small", "Size");
    private static readonly SkuOptionValue Denim = new(153, 32, "Denim", "Fiber");

    [Fact]
    public void R22_selections_of_the_same_values_in_another_order_are_equal()
    {
        var first = SkuSelection.Of(2, 3, [153, 158]);
        var second = SkuSelection.Of(2, 3, [158, 153, 158]);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, SkuSelection.Of(2, 3, [153]));
        Assert.NotEqual(first, SkuSelection.Of(2, 4, [153, 158]));
    }

    [Fact]
    public void R25_snapshots_with_the_same_values_are_equal_and_the_order_of_values_counts()
    {
        var first = LineSnapshot.Of("Jacket", [Denim, Small]);
        var second = LineSnapshot.Of("Jacket", [Denim, Small]);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, LineSnapshot.Of("Jacket", [Small, Denim]));
        Assert.NotEqual(first, LineSnapshot.Of("Coat", [Denim, Small]));
    }

    [Fact]
    public void R38_coupon_terms_with_the_same_goods_scope_are_equal()
    {
        var first = new CouponTerms { CouponId = 7, CouponCodeId = 8, Kind = CouponKind.FixedAmount, Value = 1000, GoodsScope = new HashSet<long> { 1, 2 } };
        var second = first with { GoodsScope = new HashSet<long> { 2, 1 } };

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, first with { GoodsScope = new HashSet<long> { 1 } });
        Assert.NotEqual(first, first with { RedeemedByBuyer = true });
    }
}
