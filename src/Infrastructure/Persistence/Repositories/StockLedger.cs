using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// R26, R27: each reservation is one conditional UPDATE (stock >= quantity) whose affected-row count
/// says whether it took; no read-then-write, so concurrent buyers of the last unit cannot both win.
/// The statements are written out rather than built with ExecuteUpdate: they run inside the single
/// SQLite writer's turn for every line of every order, and translating the LINQ form each time cost
/// that turn as much as saving the whole order; on SQLite they are prepared once (IWriteStatements).
/// </summary>
internal sealed class StockLedger(IWriteStatements statements) : IStockLedger
{
    public async Task<bool> TryReserveAsync(long goodsId, long? skuId, int quantity, CancellationToken cancellationToken)
    {
        var taken = skuId is { } sku
            ? await statements.ExecuteAsync(
                $"UPDATE product_skus SET stock = stock - {quantity} WHERE id = {sku} AND product_id = {goodsId} AND stock >= {quantity}",
                cancellationToken)
            : await statements.ExecuteAsync(
                $"UPDATE products SET stock = stock - {quantity} WHERE id = {goodsId} AND stock >= {quantity}",
                cancellationToken);
        return taken == 1;
    }

    public async Task ReleaseAsync(long goodsId, long? skuId, int quantity, CancellationToken cancellationToken)
    {
        // A product or SKU deleted since the order was placed has no stock left to give back to.
        _ = skuId is { } sku
            ? await statements.ExecuteAsync(
                $"UPDATE product_skus SET stock = stock + {quantity} WHERE id = {sku} AND product_id = {goodsId}",
                cancellationToken)
            : await statements.ExecuteAsync(
                $"UPDATE products SET stock = stock + {quantity} WHERE id = {goodsId}",
                cancellationToken);
    }
}
