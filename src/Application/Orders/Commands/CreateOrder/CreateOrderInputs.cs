using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>
/// What the read step found: the two things <see cref="Order.Place"/> decides on (the placement and
/// the priced lines), and what the write step and the error paths need besides.
/// </summary>
internal sealed record CreateOrderInputs(
    OrderPlacement Placement,
    PricedLines Lines,
    SelectedCoupon? Coupon,
    ShippingPlan Shipping,
    IReadOnlyList<long> CartIds)
{
    /// <summary>A refusal by the order, reported where the client can act on it: a coupon's at the member that named the coupon.</summary>
    public Error RefusalOf(DomainError refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return Coupon is not null && IsAboutCoupon(refusal.Code) ? Coupon.ErrorFor(refusal) : refusal.ToError();
    }

    private static bool IsAboutCoupon(DomainErrorCode code) => code is DomainErrorCode.CouponNotFound
        or DomainErrorCode.CouponNotStarted
        or DomainErrorCode.CouponExpired
        or DomainErrorCode.CouponUsedUp
        or DomainErrorCode.CouponAlreadyUsed
        or DomainErrorCode.CouponNotApplicable
        or DomainErrorCode.CouponMinSpendNotMet;
}
