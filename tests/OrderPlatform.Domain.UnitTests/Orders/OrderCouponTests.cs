using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Domain.UnitTests.Orders;

public sealed class OrderCouponTests
{
    [Fact]
    public void R39_fixed_coupon_takes_its_value_off()
    {
        var order = Build.Placed(WithCoupon(Fixed(1000)), Build.Line(188, 9900));

        Assert.Equal(Build.Fen(9900), order.OriginAmount);
        Assert.Equal(Build.Fen(9900), order.GoodsAmount);
        Assert.Equal(Build.Fen(1000), order.DiscountAmount);
        Assert.Equal(Build.Fen(8900), order.Amount);
        Assert.Equal(Build.Fen(7120), order.SellerAmount);
        Assert.Equal(Build.Fen(1000), Assert.Single(order.Lines).DiscountAmount);
    }

    [Fact]
    public void R39_fixed_coupon_takes_at_most_the_eligible_subtotal()
    {
        var order = Build.Placed(WithCoupon(Fixed(20000)), Build.Line(188, 9900));

        Assert.Equal(Build.Fen(9900), order.DiscountAmount);
        Assert.Equal(Build.Fen(0), order.Amount);
        Assert.Equal(Build.Fen(0), order.SellerAmount);
    }

    [Fact]
    public void R39_fixed_coupon_is_capped_by_the_eligible_subtotal_not_the_goods_total()
    {
        var coupon = Fixed(5000) with { GoodsScope = new HashSet<long> { 2 } };

        var order = Build.Placed(WithCoupon(coupon), Build.Line(1, 5000), Build.Line(2, 3000));

        Assert.Equal(Build.Fen(3000), order.DiscountAmount);
        Assert.Equal(Build.Fen(5000), order.Amount);
        Assert.Equal([0L, 3000L], order.Lines.Select(l => l.DiscountAmount.MinorUnits));
    }

    [Theory]
    [InlineData(9999, 15, 1499)] // 1499.85
    [InlineData(9900, 10, 990)]
    [InlineData(199, 50, 99)] // 99.5
    [InlineData(99, 1, 0)] // 0.99
    [InlineData(9900, 100, 9900)]
    public void R39_percent_coupon_is_the_eligible_subtotal_percentage_truncated(long price, long percent, long discount)
    {
        var order = Build.Placed(WithCoupon(Percent(percent)), Build.Line(1, price));

        Assert.Equal(Build.Fen(discount), order.DiscountAmount);
        Assert.Equal(Build.Fen(price - discount), order.Amount);
    }

    [Theory]
    [InlineData(1200, 1200)]
    [InlineData(4999, 4999)]
    [InlineData(5000, 5000)]
    [InlineData(8000, 5000)]
    [InlineData(0, 5000)]
    public void R39_percent_coupon_is_capped_by_max_discount_when_set(long maxDiscount, long discount)
    {
        var coupon = Percent(50) with { MaxDiscount = maxDiscount };

        var order = Build.Placed(WithCoupon(coupon), Build.Line(1, 10000));

        Assert.Equal(Build.Fen(discount), order.DiscountAmount);
        Assert.Equal(Build.Fen(10000 - discount), order.Amount);
    }

    [Fact]
    public void R39_percent_coupon_counts_only_the_lines_in_scope()
    {
        var coupon = Percent(10) with { GoodsScope = new HashSet<long> { 1 } };

        var order = Build.Placed(WithCoupon(coupon), Build.Line(1, 5555), Build.Line(2, 10000));

        Assert.Equal(Build.Fen(555), order.DiscountAmount);
        Assert.Equal(Build.Fen(15000), order.Amount);
        Assert.Equal([555L, 0L], order.Lines.Select(l => l.DiscountAmount.MinorUnits));
    }

    [Fact]
    public void R39_percent_coupon_uses_line_amounts_after_the_referral_discount()
    {
        var order = Build.Placed(WithCoupon(Percent(10)), Build.Line(1, unitPrice: 9000, quantity: 2, originPrice: 10000));

        Assert.Equal(Build.Fen(20000), order.OriginAmount);
        Assert.Equal(Build.Fen(1800), order.DiscountAmount);
        Assert.Equal(Build.Fen(16200), order.Amount);
    }

    [Fact]
    public void R38_eligible_subtotal_below_minimum_spend_is_refused()
    {
        var coupon = Fixed(1000) with { MinimumSpend = 10000 };

        var error = Build.Refused(WithCoupon(coupon), Build.Line(188, 9900));

        Assert.Equal(new DomainError(DomainErrorCode.CouponMinSpendNotMet), error);
    }

    [Fact]
    public void R38_eligible_subtotal_equal_to_minimum_spend_is_accepted()
    {
        var coupon = Fixed(1000) with { MinimumSpend = 9900 };

        var order = Build.Placed(WithCoupon(coupon), Build.Line(188, 9900));

        Assert.Equal(Build.Fen(1000), order.DiscountAmount);
    }

    [Fact]
    public void R38_minimum_spend_counts_only_the_eligible_subtotal()
    {
        var coupon = Fixed(1000) with { MinimumSpend = 5000, GoodsScope = new HashSet<long> { 2 } };

        var error = Build.Refused(WithCoupon(coupon), Build.Line(1, 5000), Build.Line(2, 3000));

        Assert.Equal(new DomainError(DomainErrorCode.CouponMinSpendNotMet), error);
    }

    [Fact]
    public void R38_minimum_spend_counts_merged_quantities()
    {
        var coupon = Fixed(1000) with { MinimumSpend = 3000 };

        var order = Build.Placed(WithCoupon(coupon), Build.Line(1, 1500), Build.Line(1, 1500));

        Assert.Equal(Build.Fen(2000), order.Amount);
    }

    [Fact]
    public void R38_a_coupon_whose_scope_excludes_every_line_is_not_applicable()
    {
        var coupon = Fixed(1000) with { GoodsScope = new HashSet<long> { 999 } };

        var error = Build.Refused(WithCoupon(coupon), Build.Line(1, 5000), Build.Line(2, 3000));

        Assert.Equal(new DomainError(DomainErrorCode.CouponNotApplicable), error);
    }

    [Fact]
    public void R38_out_of_scope_is_reported_before_minimum_spend()
    {
        var coupon = Fixed(1000) with { GoodsScope = new HashSet<long> { 999 }, MinimumSpend = 100_000 };

        var error = Build.Refused(WithCoupon(coupon), Build.Line(1, 5000));

        Assert.Equal(DomainErrorCode.CouponNotApplicable, error.Code);
    }

    [Fact]
    public void R38_eligible_lines_worth_nothing_are_not_applicable()
    {
        var error = Build.Refused(WithCoupon(Fixed(1000)), Build.Line(1, 0, quantity: 2));

        Assert.Equal(new DomainError(DomainErrorCode.CouponNotApplicable), error);
    }

    [Fact]
    public void R45_a_coupon_on_a_vip_order_is_not_applicable()
    {
        var placement = WithCoupon(Fixed(1000)) with { Type = OrderType.Vip };

        var error = Build.Refused(placement, Build.Line(3, 20000, sellerId: 0));

        Assert.Equal(new DomainError(DomainErrorCode.CouponNotApplicable), error);
    }

    [Fact]
    public void R38_order_type_is_checked_before_minimum_spend()
    {
        var placement = WithCoupon(Fixed(1000) with { MinimumSpend = 1_000_000 }) with { Type = OrderType.Vip };

        var error = Build.Refused(placement, Build.Line(3, 20000, sellerId: 0));

        Assert.Equal(DomainErrorCode.CouponNotApplicable, error.Code);
    }

    [Fact]
    public void R39_discount_is_spread_over_the_lines_by_largest_remainder()
    {
        var order = Build.Placed(
            WithCoupon(Fixed(100)),
            Build.Line(1, 1000),
            Build.Line(2, 1000, quantity: 2),
            Build.Line(3, 3000));

        // Exact shares 16.67, 33.33, 50.
        Assert.Equal([17L, 33L, 50L], order.Lines.Select(l => l.DiscountAmount.MinorUnits));
        Assert.Equal(Build.Fen(100), order.DiscountAmount);
        Assert.Equal(Build.Fen(5900), order.Amount);
    }

    [Fact]
    public void R39_discount_is_spread_over_eligible_lines_only()
    {
        var coupon = Fixed(1000) with { GoodsScope = new HashSet<long> { 1, 3 } };

        var order = Build.Placed(WithCoupon(coupon), Build.Line(1, 1000), Build.Line(2, 50000), Build.Line(3, 3000));

        Assert.Equal([250L, 0L, 750L], order.Lines.Select(l => l.DiscountAmount.MinorUnits));
        Assert.Equal(Build.Fen(1000), order.DiscountAmount);
        Assert.Equal(Build.Fen(53000), order.Amount);
    }

    [Fact]
    public void R39_discount_is_spread_over_merged_line_amounts()
    {
        var order = Build.Placed(WithCoupon(Fixed(300)), Build.Line(1, 100), Build.Line(2, 100), Build.Line(1, 100));

        Assert.Equal([200L, 100L], order.Lines.Select(l => l.DiscountAmount.MinorUnits));
    }

    [Fact]
    public void R39_ties_in_the_spread_go_to_the_earlier_line()
    {
        var order = Build.Placed(WithCoupon(Fixed(1)), Build.Line(1, 500), Build.Line(2, 500));

        Assert.Equal([1L, 0L], order.Lines.Select(l => l.DiscountAmount.MinorUnits));
    }

    [Fact]
    public void R40_order_records_coupon_and_coupon_code()
    {
        var coupon = Fixed(1000) with { CouponId = 31, CouponCodeId = 4501 };

        var order = Build.Placed(WithCoupon(coupon), Build.Line(188, 9900));

        Assert.Equal(31, order.CouponId);
        Assert.Equal(4501, order.CouponCodeId);
    }

    [Fact]
    public void R48_R50_earnings_are_computed_from_the_amount_after_the_discount()
    {
        var placement = WithCoupon(Fixed(1000)) with
        {
            Earnings = new EarningsPolicy(80, new Promoter(501, 10), new Promoter(502, 5)),
        };

        var order = Build.Placed(placement, Build.Line(1, 10000));

        Assert.Equal(Build.Fen(9000), order.Amount);
        Assert.Equal(Build.Fen(900), order.ShareAmount);
        Assert.Equal(Build.Fen(450), order.ShareParentAmount);
        Assert.Equal(Build.Fen(6120), order.SellerAmount); // (9000 - 900 - 450) x 80 %
    }

    [Fact]
    public void R39_property_line_discounts_sum_to_the_order_discount_and_amount_is_goods_minus_discount()
    {
        var random = new Seeded(3939);
        for (var round = 0; round < 500; round++)
        {
            var lineCount = (int)random.Between(1, 8);
            var drafts = Enumerable.Range(1, lineCount)
                .Select(i => Build.Line(i, random.Between(0, 50_000), quantity: (int)random.Between(1, 20)))
                .ToArray();
            var scope = Enumerable.Range(1, lineCount).Where(_ => random.Between(0, 2) > 0).Select(i => (long)i).ToHashSet();
            var coupon = (random.Between(0, 1) == 0 ? Fixed(random.Between(1, 200_000)) : Percent(random.Between(1, 100)) with { MaxDiscount = random.Between(0, 30_000) })
                with { GoodsScope = scope };

            var result = Order.Place(WithCoupon(coupon), drafts, Build.PlacedAt);

            var eligible = drafts.Where(d => coupon.Covers(d.GoodsId)).Sum(d => d.UnitPrice.MinorUnits * d.Quantity);
            var context = $"round {round}: {coupon} over {string.Join(", ", drafts.Select(d => $"{d.GoodsId}:{d.UnitPrice.MinorUnits}x{d.Quantity}"))}";
            if (eligible == 0)
            {
                Assert.True(result.Error == new DomainError(DomainErrorCode.CouponNotApplicable), context);
                continue;
            }

            Assert.True(result.IsSuccess, context);
            var order = result.Value;
            var expectedDiscount = coupon.Kind == CouponKind.FixedAmount
                ? Math.Min(coupon.Value, eligible)
                : coupon.MaxDiscount > 0 ? Math.Min(eligible * coupon.Value / 100, coupon.MaxDiscount) : eligible * coupon.Value / 100;
            Assert.True(order.DiscountAmount.MinorUnits == expectedDiscount, context);
            Assert.True(order.Lines.Sum(l => l.DiscountAmount.MinorUnits) == expectedDiscount, context);
            Assert.True(order.Amount.MinorUnits == order.GoodsAmount.MinorUnits - expectedDiscount, context);
            Assert.All(order.Lines, l => Assert.True(l.DiscountAmount.MinorUnits <= l.Amount.MinorUnits, context));
            Assert.All(order.Lines.Where(l => !coupon.Covers(l.GoodsId)), l => Assert.True(l.DiscountAmount.MinorUnits == 0, context));
        }
    }

    private static OrderPlacement WithCoupon(CouponTerms coupon) => Build.Placement() with { Coupon = coupon };

    private static CouponTerms Fixed(long value) => new()
    {
        CouponId = 31,
        CouponCodeId = 4501,
        Kind = CouponKind.FixedAmount,
        Value = value,
    };

    private static CouponTerms Percent(long percent) => new()
    {
        CouponId = 32,
        CouponCodeId = 4502,
        Kind = CouponKind.Percent,
        Value = percent,
    };
}
