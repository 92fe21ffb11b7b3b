using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Benchmarks.Pipeline.InMemory;

/// <summary>Hands out order ids and forgets the orders it is given, so that memory stays flat over millions of operations.</summary>
internal sealed class InMemoryOrderRepository : IOrderRepository
{
    private static long _lastId;

    public Task<OrderId?> NextIdAsync(DateTimeOffset placedAt, CancellationToken cancellationToken) => Task.FromResult<OrderId?>(new OrderId(Interlocked.Increment(ref _lastId)));

    public Task AddAsync(Order order, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<Order?> FindAsync(string number, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Placing an order reads no stored order.");

    public Task<Order?> FindAsync(OrderId id, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Placing an order reads no stored order.");

    public Task<bool> TryMoveAsync(Order order, OrderStatus from, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Placing an order changes no stored order's status.");

    public Task<IReadOnlyList<OrderId>> FindOverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Only the close job looks for overdue orders.");
}
