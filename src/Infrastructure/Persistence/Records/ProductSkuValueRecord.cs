namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of product_sku_values: one option value that makes up a SKU.</summary>
public sealed class ProductSkuValueRecord
{
    public long SkuId { get; set; }

    public long OptionValueId { get; set; }

    public ProductOptionValueRecord OptionValue { get; set; } = null!;
}
