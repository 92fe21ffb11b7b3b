using OrderPlatform.Domain.Common;

namespace OrderPlatform.Application.Common.Errors;

/// <summary>Turns a rule the domain refused into the error a client sees.</summary>
internal static class DomainErrors
{
    public static Error ToError(this DomainError error, string? field = null) => Error.Of(CodeOf(error.Code), field);

    public static ErrorCode CodeOf(DomainErrorCode code) => code switch
    {
        DomainErrorCode.InvalidQuantity => ErrorCode.InvalidQuantity,
        DomainErrorCode.InvalidAddress => ErrorCode.InvalidAddress,
        DomainErrorCode.AmountTooLarge => ErrorCode.AmountTooLarge,
        DomainErrorCode.CrossStore => ErrorCode.CrossStore,
        DomainErrorCode.TooManyItems => ErrorCode.TooManyItems,
        DomainErrorCode.CouponNotFound => ErrorCode.CouponNotFound,
        DomainErrorCode.CouponNotStarted => ErrorCode.CouponNotStarted,
        DomainErrorCode.CouponExpired => ErrorCode.CouponExpired,
        DomainErrorCode.CouponUsedUp => ErrorCode.CouponUsedUp,
        DomainErrorCode.CouponAlreadyUsed => ErrorCode.CouponAlreadyUsed,
        DomainErrorCode.CouponNotApplicable => ErrorCode.CouponNotApplicable,
        DomainErrorCode.CouponMinSpendNotMet => ErrorCode.CouponMinSpendNotMet,
        DomainErrorCode.OrderNotCancellable or DomainErrorCode.OrderNotOverdue => ErrorCode.OrderNotCancellable,
        DomainErrorCode.OrderAlreadyPaid => ErrorCode.OrderAlreadyPaid,
        DomainErrorCode.OrderClosed => ErrorCode.OrderClosed,
        DomainErrorCode.AmountMismatch => ErrorCode.AmountMismatch,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unmapped domain error."),
    };
}
