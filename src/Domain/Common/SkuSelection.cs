namespace OrderPlatform.Domain.Common;

/// <summary>
/// What a buyer chose for one line: a product, optionally one of its SKUs by id, and the
/// option values they picked (used to find the SKU when no id is given, R22).
/// </summary>
public sealed record SkuSelection
{
    private SkuSelection(long goodsId, long? skuId, IReadOnlySet<long> optionValueIds)
    {
        GoodsId = goodsId;
        SkuId = skuId;
        OptionValueIds = optionValueIds;
    }

    public long GoodsId { get; }

    /// <summary>The chosen SKU id, or null when none was named (AnQiCMS sends 0 for none).</summary>
    public long? SkuId { get; }

    public IReadOnlySet<long> OptionValueIds { get; }

    public static SkuSelection Of(long goodsId, long? skuId, IEnumerable<long> optionValueIds)
    {
        ArgumentNullException.ThrowIfNull(optionValueIds);
        if (goodsId <= 0)
        {
            throw new DomainException($"A goods id must be positive ({goodsId}).");
        }

        var normalizedSku = skuId is > 0 ? skuId : null;
        return new SkuSelection(goodsId, normalizedSku, optionValueIds.ToHashSet());
    }

    /// <summary>True when the chosen option values are exactly <paramref name="skuOptionValueIds"/>.</summary>
    public bool MatchesOptionValues(IEnumerable<long> skuOptionValueIds) =>
        OptionValueIds.Count > 0 && OptionValueIds.SetEquals(skuOptionValueIds);

    /// <summary>Two selections are the same choice when they pick the same values, in whatever order they were sent.</summary>
    public bool Equals(SkuSelection? other) =>
        other is not null && GoodsId == other.GoodsId && SkuId == other.SkuId && OptionValueIds.SetEquals(other.OptionValueIds);

    public override int GetHashCode() =>
        OptionValueIds.Order().Aggregate(HashCode.Combine(GoodsId, SkuId), HashCode.Combine);
}
