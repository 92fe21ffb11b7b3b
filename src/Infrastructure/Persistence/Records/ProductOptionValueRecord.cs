namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of product_option_values, e.g. "Small" of the option "Size".</summary>
public sealed class ProductOptionValueRecord
{
    public long Id { get; set; }

    public long OptionId { get; set; }

    public string Title { get; set; } = string.Empty;

    public ProductOptionRecord Option { get; set; } = null!;
}
