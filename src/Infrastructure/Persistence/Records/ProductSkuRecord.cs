namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of product_skus: one combination of option values with its own price and stock.</summary>
public sealed class ProductSkuRecord
{
    public long Id { get; set; }

    public long ProductId { get; set; }

    public long Price { get; set; }

    public long Stock { get; set; }

    public List<ProductSkuValueRecord> Values { get; set; } = [];
}
