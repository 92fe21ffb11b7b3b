namespace OrderPlatform.Application.Common.Errors;

/// <summary>
/// Every failure a client can be told about: docs/contract.md section 13, then R68 for the order's
/// life after it is placed, then R3's answers to a request that names no endpoint. Clients switch on
/// the snake_case name (<see cref="ErrorCodeNames"/>), never on the message.
/// </summary>
public enum ErrorCode
{
    InvalidJson,
    UnsupportedMediaType,
    PayloadTooLarge,
    NotLoggedIn,
    NotAuthorized,
    NoItems,
    InvalidQuantity,
    TooManyItems,
    InvalidType,
    RemarkTooLong,
    PriceChanged,
    GoodsNotFound,
    SkuRequired,
    SkuNotFound,
    InsufficientStock,
    AddressNotFound,
    InvalidAddress,
    AmountTooLarge,
    CouponConflict,
    CouponNotFound,
    CouponNotStarted,
    CouponExpired,
    CouponUsedUp,
    CouponAlreadyUsed,
    CouponNotApplicable,
    CouponMinSpendNotMet,
    CartItemNotFound,
    VipGroupNotFound,
    CrossStore,
    RateLimited,
    IdempotencyKeyInvalid,
    IdempotencyKeyReused,
    IdempotencyKeyInUse,
    InternalError,
    OrderNotFound,
    InvalidOrderId,
    InvalidStatus,
    OrderNotCancellable,
    OrderAlreadyPaid,
    OrderClosed,
    AmountMismatch,
    InvalidServiceKey,
    NotFound,
    MethodNotAllowed,
}
