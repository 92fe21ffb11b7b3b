using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.Orders;

/// <summary>Everything about a new order except its lines and the moment it is placed: who, what kind, where to, and how earnings are shared.</summary>
public sealed record OrderPlacement
{
    public required long BuyerId { get; init; }

    public required OrderType Type { get; init; }

    /// <summary>The buyer's remark, or null/blank to let the order write one (R18).</summary>
    public string? Remark { get; init; }

    /// <summary>The time zone of the order number (R52).</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>How long the buyer has to pay (R53); null when unpaid orders are never closed.</summary>
    public TimeSpan? PaymentWindow { get; init; }

    public required Currency Currency { get; init; }

    /// <summary>The most distinct lines an order may have (R16).</summary>
    public required int MaxLines { get; init; }

    /// <summary>The largest quantity of one line, after repeated lines are merged (R15, R16).</summary>
    public required int MaxQuantityPerLine { get; init; }

    public ShippingDestination? ShipTo { get; init; }

    public required EarningsPolicy Earnings { get; init; }

    /// <summary>The coupon code being redeemed (R38, R39), if any.</summary>
    public CouponTerms? Coupon { get; init; }
}
