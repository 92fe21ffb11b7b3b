namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of product_options, e.g. "Size" of product 1.</summary>
public sealed class ProductOptionRecord
{
    public long Id { get; set; }

    public long ProductId { get; set; }

    public string Title { get; set; } = string.Empty;
}
