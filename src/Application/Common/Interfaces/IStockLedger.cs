namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Takes stock atomically (R26) and gives it back (R27).</summary>
public interface IStockLedger
{
    /// <summary>
    /// In the write step, takes <paramref name="quantity"/> units of the SKU (or of the product when it
    /// has none) in one conditional update; false, and nothing taken, when fewer are left.
    /// </summary>
    Task<bool> TryReserveAsync(long goodsId, long? skuId, int quantity, CancellationToken cancellationToken);

    /// <summary>
    /// In the write step, gives <paramref name="quantity"/> units back to the SKU (or product) in one
    /// update. The caller's guarded status change makes sure an order releases at most once (R27).
    /// </summary>
    Task ReleaseAsync(long goodsId, long? skuId, int quantity, CancellationToken cancellationToken);
}
