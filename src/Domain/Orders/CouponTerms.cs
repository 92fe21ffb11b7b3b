namespace OrderPlatform.Domain.Orders;

/// <summary>The terms of the coupon code a buyer redeems, as far as the order's amounts need them (R38, R39).</summary>
public sealed record CouponTerms
{
    public required long CouponId { get; init; }

    public required long CouponCodeId { get; init; }

    public required CouponKind Kind { get; init; }

    /// <summary>Minor units off for <see cref="CouponKind.FixedAmount"/>, per cent (1-100) for <see cref="CouponKind.Percent"/>.</summary>
    public required long Value { get; init; }

    /// <summary>The most a percent coupon takes off, in minor units; 0 for no cap.</summary>
    public long MaxDiscount { get; init; }

    /// <summary>The eligible subtotal the buyer must reach, in minor units; 0 for none.</summary>
    public long MinimumSpend { get; init; }

    /// <summary>The goods the coupon applies to; empty for all goods.</summary>
    public IReadOnlySet<long> GoodsScope { get; init; } = new HashSet<long>();

    public bool Covers(long goodsId) => GoodsScope.Count == 0 || GoodsScope.Contains(goodsId);
}
