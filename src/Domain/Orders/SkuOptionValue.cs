namespace OrderPlatform.Domain.Orders;

/// <summary>One chosen option value as it was when ordered, e.g. Size: Small.</summary>
public sealed record SkuOptionValue(long Id, long OptionId, string Title, string OptionTitle);
