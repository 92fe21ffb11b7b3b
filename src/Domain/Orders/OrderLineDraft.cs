using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.Orders;

/// <summary>
/// A priced line before it joins an order. <see cref="UnitPrice"/> is what the buyer pays per unit
/// (after any referral discount, R32); <see cref="OriginPrice"/> is the catalogue price.
/// </summary>
public sealed record OrderLineDraft
{
    public required long GoodsId { get; init; }

    /// <summary>The SKU, or null for a product without SKUs (and for VIP lines).</summary>
    public long? SkuId { get; init; }

    /// <summary>The product's owner (R46); 0 for a VIP membership.</summary>
    public required long SellerId { get; init; }

    public required LineSnapshot Snapshot { get; init; }

    public required Money UnitPrice { get; init; }

    public required Money OriginPrice { get; init; }

    public required int Quantity { get; init; }

    /// <summary>The product's custom form link template, holding "{order_id}" (R54), if it has one.</summary>
    public string? CustomFormUrlTemplate { get; init; }
}
