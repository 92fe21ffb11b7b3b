namespace OrderPlatform.Bench.Floor;

/// <summary>One order_details row as the service writes it for the scenario (the product snapshot, R25, and the line's share of the discount).</summary>
internal sealed record FloorLine(
    long GoodsId,
    long? SkuId,
    int Quantity,
    string Title,
    string SkuTitle,
    string SkuValuesJson,
    long Price,
    long OriginPrice,
    long Amount,
    long OriginAmount,
    long DiscountAmount);
