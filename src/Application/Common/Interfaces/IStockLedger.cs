namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Takes stock atomically (R26).</summary>
public interface IStockLedger
{
    /// <summary>
    /// In the write step, takes <paramref name="quantity"/> units of the SKU (or of the product when it
    /// has none) in one conditional update; false, and nothing taken, when fewer are left.
    /// </summary>
    Task<bool> TryReserveAsync(long goodsId, long? skuId, int quantity, CancellationToken cancellationToken);
}
