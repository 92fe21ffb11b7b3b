namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>
/// A row of buyer_order_counts: how many orders a buyer has in one status. Database triggers on
/// orders keep it, so it is right whoever writes an order (docs/decisions/0006-order-lifecycle.md).
/// </summary>
public sealed class BuyerOrderCountRecord
{
    public long UserId { get; set; }

    public int Status { get; set; }

    public long Orders { get; set; }
}
