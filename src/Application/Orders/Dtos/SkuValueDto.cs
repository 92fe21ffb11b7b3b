namespace OrderPlatform.Application.Orders.Dtos;

/// <summary>A chosen option value, as AnQiCMS lists it in sku_values.</summary>
public sealed record SkuValueDto
{
    public long Id { get; init; }

    public long OptionId { get; init; }

    public string Title { get; init; } = string.Empty;

    public string OptionTitle { get; init; } = string.Empty;
}
