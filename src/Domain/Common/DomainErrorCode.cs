namespace OrderPlatform.Domain.Common;

/// <summary>The business rules the domain itself can refuse (a subset of spec section 13).</summary>
public enum DomainErrorCode
{
    InvalidQuantity,
    InvalidAddress,
    AmountTooLarge,
    CrossStore,
    TooManyItems,
    CouponNotApplicable,
    CouponMinSpendNotMet,
}
