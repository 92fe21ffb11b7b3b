namespace OrderPlatform.Domain.Orders;

/// <summary>What the buyer saw when ordering (R25): kept on the line so later catalogue edits do not rewrite the order.</summary>
public sealed record LineSnapshot
{
    private LineSnapshot(string productTitle, string skuTitle, IReadOnlyList<SkuOptionValue> optionValues)
    {
        ProductTitle = productTitle;
        SkuTitle = skuTitle;
        OptionValues = optionValues;
    }

    public string ProductTitle { get; }

    /// <summary>e.g. "Fiber: Denim, Size: Small"; empty for a product without SKUs.</summary>
    public string SkuTitle { get; }

    public IReadOnlyList<SkuOptionValue> OptionValues { get; }

    public static LineSnapshot Of(string productTitle, IReadOnlyList<SkuOptionValue> optionValues)
    {
        ArgumentNullException.ThrowIfNull(productTitle);
        ArgumentNullException.ThrowIfNull(optionValues);
        var skuTitle = string.Join(", ", optionValues.Select(v => $"{v.OptionTitle}: {v.Title}"));
        return new LineSnapshot(productTitle, skuTitle, optionValues.ToArray());
    }

    /// <summary>Rebuilds a stored snapshot exactly as it was saved.</summary>
    public static LineSnapshot Restore(string productTitle, string skuTitle, IReadOnlyList<SkuOptionValue> optionValues) =>
        new(productTitle, skuTitle, optionValues);

    /// <summary>Two snapshots are the same when the buyer saw the same titles and the same values in the same order.</summary>
    public bool Equals(LineSnapshot? other) =>
        other is not null
        && ProductTitle == other.ProductTitle
        && SkuTitle == other.SkuTitle
        && OptionValues.SequenceEqual(other.OptionValues);

    public override int GetHashCode() =>
        OptionValues.Aggregate(HashCode.Combine(ProductTitle, SkuTitle), HashCode.Combine);
}
