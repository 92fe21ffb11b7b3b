namespace OrderPlatform.Domain.Common;

/// <summary>The business rules the domain itself can refuse (a subset of the error codes in docs/contract.md, section 13).</summary>
public enum DomainErrorCode
{
    InvalidQuantity,
    InvalidAddress,
    AmountTooLarge,
    CrossStore,
    TooManyItems,
    CouponNotFound,
    CouponNotStarted,
    CouponExpired,
    CouponUsedUp,
    CouponAlreadyUsed,
    CouponNotApplicable,
    CouponMinSpendNotMet,
    OrderNotCancellable,
    OrderNotOverdue,
    OrderAlreadyPaid,
    OrderClosed,
    AmountMismatch,
}
