using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Benchmarks.Pipeline.InMemory;

/// <summary>Stock that never runs out, as bench/run.sh tops it up so that no order is refused for stock.</summary>
internal sealed class InMemoryStockLedger : IStockLedger
{
    private static readonly Task<bool> Reserved = Task.FromResult(true);

    public Task<bool> TryReserveAsync(long goodsId, long? skuId, int quantity, CancellationToken cancellationToken) => Reserved;

    public Task ReleaseAsync(long goodsId, long? skuId, int quantity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Only cancelling or closing an order gives stock back.");
}
