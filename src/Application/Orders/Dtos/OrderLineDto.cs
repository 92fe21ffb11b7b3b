namespace OrderPlatform.Application.Orders.Dtos;

/// <summary>One line of an order with its snapshot (R25) and amounts (R33, R39).</summary>
public sealed record OrderLineDto
{
    public long Id { get; init; }

    public long GoodsId { get; init; }

    public long GoodsSkuId { get; init; }

    public string Title { get; init; } = string.Empty;

    public string SkuTitle { get; init; } = string.Empty;

    public IReadOnlyList<SkuValueDto> SkuValues { get; init; } = [];

    public long Price { get; init; }

    public long OriginPrice { get; init; }

    public long Quantity { get; init; }

    public long Amount { get; init; }

    public long OriginAmount { get; init; }

    public long DiscountAmount { get; init; }
}
