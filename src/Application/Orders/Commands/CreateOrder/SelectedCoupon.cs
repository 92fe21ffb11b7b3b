using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>The code a buyer redeems and the request member that named it, where its refusals are reported.</summary>
internal sealed record SelectedCoupon(CouponTerms Terms, string Field)
{
    /// <summary>
    /// A refusal of this code, at the member that named it. A refusal of the code's standing names the
    /// code; "not found" does not, so another user's or a withdrawn code looks exactly like one that
    /// does not exist (R38); a refusal about the order's lines is about the order, not the code.
    /// </summary>
    public Error ErrorFor(DomainError refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var error = refusal.ToError(Field);
        return refusal.Code is DomainErrorCode.CouponNotStarted or DomainErrorCode.CouponExpired
            or DomainErrorCode.CouponUsedUp or DomainErrorCode.CouponAlreadyUsed
            ? error.With("coupon_code_id", Terms.CouponCodeId)
            : error;
    }

    /// <summary>The error for losing the race for the code between the read and the write (R40).</summary>
    public Error ErrorFor(RedemptionOutcome lost) =>
        Error.Of(lost == RedemptionOutcome.UsedUp ? ErrorCode.CouponUsedUp : ErrorCode.CouponAlreadyUsed, Field)
            .With("coupon_code_id", Terms.CouponCodeId);
}
