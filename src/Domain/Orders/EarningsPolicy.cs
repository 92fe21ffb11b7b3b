namespace OrderPlatform.Domain.Orders;

/// <summary>How an order's amount is shared: the promoter, the promoter's parent, then the seller's percentage of the rest (R48-R50).</summary>
public sealed record EarningsPolicy(int SellerPercent, Promoter? Promoter, Promoter? PromoterParent)
{
    public static EarningsPolicy SellerOnly(int sellerPercent) => new(sellerPercent, null, null);
}
