namespace OrderPlatform.Bench.Populate;

/// <summary>An order the service placed for a bench buyer, which populate copies.</summary>
internal sealed record TemplateOrder(long Id, long CreatedTime);
