using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>
/// The lines as the client asked for them and as the server priced them, one draft per requested
/// line in the same order, so a refusal about an order line can name the request line it came from.
/// </summary>
internal sealed class PricedLines
{
    private readonly Dictionary<(long GoodsId, long? SkuId), RequestedLine> _firstRequestFor = [];

    public PricedLines(IReadOnlyList<RequestedLine> requested, IReadOnlyList<OrderLineDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(drafts);
        if (requested.Count != drafts.Count)
        {
            throw new ArgumentException("Every requested line has exactly one draft.", nameof(drafts));
        }

        Drafts = drafts;
        for (var i = 0; i < drafts.Count; i++)
        {
            _firstRequestFor.TryAdd((drafts[i].GoodsId, drafts[i].SkuId), requested[i]);
        }
    }

    public IReadOnlyList<OrderLineDraft> Drafts { get; }

    /// <summary>The first request line that became the order line of this product and SKU; repeated lines merge into it (R16).</summary>
    public RequestedLine SourceOf(OrderLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return _firstRequestFor[(line.GoodsId, line.SkuId)];
    }
}
