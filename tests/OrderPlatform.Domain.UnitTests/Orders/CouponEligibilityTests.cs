using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Domain.UnitTests.Orders;

/// <summary>R38's checks on the code itself, in the contract's order, and the order refusing a code it may not redeem.</summary>
public sealed class CouponEligibilityTests
{
    private static readonly DateTimeOffset Now = Build.PlacedAt;

    private static readonly CouponTerms Public = new()
    {
        CouponId = 31,
        CouponCodeId = 4501,
        Kind = CouponKind.FixedAmount,
        Value = 1000,
        MaxUses = 10,
    };

    [Fact]
    public void R38_a_public_code_in_its_window_with_uses_left_is_eligible()
    {
        Assert.True(Public.CheckEligibility(Build.BuyerId, Now).IsSuccess);
        Assert.True((Public with { StartsAt = Now, EndsAt = Now.AddTicks(1) }).CheckEligibility(Build.BuyerId, Now).IsSuccess);
    }

    [Fact]
    public void R38_the_buyers_own_code_is_eligible_and_another_users_is_not_found()
    {
        Assert.True((Public with { OwnerId = Build.BuyerId }).CheckEligibility(Build.BuyerId, Now).IsSuccess);
        Assert.Equal(DomainErrorCode.CouponNotFound, Refusal(Public with { OwnerId = 4242 }));
    }

    [Fact]
    public void R38_a_withdrawn_coupon_is_not_found_whatever_else_is_wrong()
    {
        var withdrawn = Public with { IsActive = false, StartsAt = Now.AddDays(1), UsedCount = 10, RedeemedByBuyer = true };

        Assert.Equal(DomainErrorCode.CouponNotFound, Refusal(withdrawn));
    }

    [Fact]
    public void R38_not_started_comes_before_expired_used_up_and_already_used()
    {
        var coupon = Public with { StartsAt = Now.AddSeconds(1), EndsAt = Now.AddSeconds(-1), UsedCount = 10, RedeemedByBuyer = true };

        Assert.Equal(DomainErrorCode.CouponNotStarted, Refusal(coupon));
    }

    [Fact]
    public void R38_a_coupon_ending_exactly_now_is_expired_before_its_uses_are_checked()
    {
        Assert.Equal(DomainErrorCode.CouponExpired, Refusal(Public with { EndsAt = Now, UsedCount = 10 }));
    }

    [Fact]
    public void R38_used_up_comes_before_already_used()
    {
        Assert.Equal(DomainErrorCode.CouponUsedUp, Refusal(Public with { UsedCount = 10, RedeemedByBuyer = true }));
        Assert.Equal(DomainErrorCode.CouponAlreadyUsed, Refusal(Public with { UsedCount = 9, RedeemedByBuyer = true }));
    }

    [Fact]
    public void R38_the_order_refuses_an_ineligible_code_before_it_looks_at_the_lines()
    {
        var placement = Build.Placement() with { Coupon = Public with { EndsAt = Now } };

        var error = Build.Refused(placement, Build.Line(1, 100), Build.Line(2, 100, sellerId: 16));

        Assert.Equal(new DomainError(DomainErrorCode.CouponExpired), error);
    }

    [Fact]
    public void R38_eligibility_is_judged_at_the_moment_the_order_is_placed()
    {
        var placement = Build.Placement() with { Coupon = Public with { StartsAt = Build.PlacedAt } };

        Assert.False(Order.Place(placement, [Build.Line(188, 9900)], Build.PlacedAt.AddTicks(-1)).IsSuccess);
        Assert.True(Order.Place(placement, [Build.Line(188, 9900)], Build.PlacedAt).IsSuccess);
    }

    [Fact]
    public void R39_the_discount_is_in_the_subtotals_currency_and_never_more_than_it()
    {
        var discount = Public.DiscountOn(OrderType.Goods, Build.Fen(600));

        Assert.Equal(Build.Fen(600), discount.Value);
    }

    private static DomainErrorCode? Refusal(CouponTerms coupon) => coupon.CheckEligibility(Build.BuyerId, Now).Error?.Code;
}
