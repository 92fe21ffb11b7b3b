namespace OrderPlatform.Bench.Floor;

/// <summary>What one order of a scenario writes: its lines, its totals, and whether it ships to an address and redeems a coupon.</summary>
internal sealed record FloorScenario(
    string Name,
    string Remark,
    IReadOnlyList<FloorLine> Lines,
    long OriginAmount,
    long DiscountAmount,
    long Amount,
    long SellerAmount,
    bool ShipsToAddress,
    long? CouponId);
