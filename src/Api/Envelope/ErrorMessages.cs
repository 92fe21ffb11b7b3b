using System.Collections.Frozen;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.Envelope;

/// <summary>The sentence shown for each error code; clients switch on the code, people read this.</summary>
internal static class ErrorMessages
{
    private static readonly FrozenDictionary<ErrorCode, string> English = new Dictionary<ErrorCode, string>
    {
        [ErrorCode.InvalidJson] = "The request body is not valid JSON",
        [ErrorCode.UnsupportedMediaType] = "The request body must be sent as application/json",
        [ErrorCode.PayloadTooLarge] = "The request body is too large",
        [ErrorCode.NotLoggedIn] = "Please log in",
        [ErrorCode.NotAuthorized] = "Your account is not allowed to do this",
        [ErrorCode.NoItems] = "Please select the product",
        [ErrorCode.InvalidQuantity] = "The quantity is not valid",
        [ErrorCode.TooManyItems] = "Too many different products in one order",
        [ErrorCode.InvalidType] = "The order type is not valid",
        [ErrorCode.RemarkTooLong] = "The remark is too long",
        [ErrorCode.PriceChanged] = "The price has changed; please check the new price",
        [ErrorCode.GoodsNotFound] = "The product does not exist or is no longer on sale",
        [ErrorCode.SkuRequired] = "Please choose the product's options",
        [ErrorCode.SkuNotFound] = "The chosen options do not exist for this product",
        [ErrorCode.InsufficientStock] = "Not enough stock",
        [ErrorCode.AddressNotFound] = "Address does not exist",
        [ErrorCode.InvalidAddress] = "The shipping address is incomplete or not valid",
        [ErrorCode.AmountTooLarge] = "The order amount is too large",
        [ErrorCode.CouponConflict] = "The coupon fields name different coupons",
        [ErrorCode.CouponNotFound] = "The coupon does not exist",
        [ErrorCode.CouponNotStarted] = "The coupon is not valid yet",
        [ErrorCode.CouponExpired] = "The coupon has expired",
        [ErrorCode.CouponUsedUp] = "The coupon has been used up",
        [ErrorCode.CouponAlreadyUsed] = "You have already used this coupon",
        [ErrorCode.CouponNotApplicable] = "The coupon does not apply to this order",
        [ErrorCode.CouponMinSpendNotMet] = "The order does not reach the coupon's minimum spend",
        [ErrorCode.CartItemNotFound] = "The cart item does not exist",
        [ErrorCode.VipGroupNotFound] = "The membership does not exist",
        [ErrorCode.CrossStore] = "Cross-store ordering is not supported",
        [ErrorCode.RateLimited] = "Too many orders; please try again shortly",
        [ErrorCode.IdempotencyKeyInvalid] = "The Idempotency-Key header is not valid",
        [ErrorCode.IdempotencyKeyReused] = "The Idempotency-Key was already used for a different request",
        [ErrorCode.IdempotencyKeyInUse] = "A request with this Idempotency-Key is still being processed",
        [ErrorCode.InternalError] = "Internal error",
    }.ToFrozenDictionary();

    public static string For(ErrorCode code) => English[code];

    /// <summary>Every code has a message; a test walks them.</summary>
    public static bool Has(ErrorCode code) => English.ContainsKey(code);
}
