using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Stores orders and loads them for the commands that change them.</summary>
public interface IOrderRepository
{
    /// <summary>
    /// Allocates the id of the order being written, inside the write step, so an order refused before
    /// it uses none (R52); an id whose order number, with <paramref name="placedAt"/>'s second, no
    /// order placed before it has. Null when that second's 10,000 numbers are all given.
    /// </summary>
    Task<OrderId?> NextIdAsync(DateTimeOffset placedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the identified order, inside the write step; then it carries its lines' ids. Rows it
    /// names (a new address-book entry) must be written before it.
    /// </summary>
    Task AddAsync(Order order, CancellationToken cancellationToken);

    /// <summary>The order with this number, its lines and address copy, as stored; null when there is none.</summary>
    Task<Order?> FindAsync(string number, CancellationToken cancellationToken);

    /// <summary>The order with this id, its lines and address copy, as stored; null when there is none.</summary>
    Task<Order?> FindAsync(OrderId id, CancellationToken cancellationToken);

    /// <summary>
    /// In the write step, the guarded transition (R63): writes the order's status, updated time, paid
    /// time and payment id only while its stored status is still <paramref name="from"/>. False, and
    /// nothing written, when another change got there first.
    /// </summary>
    Task<bool> TryMoveAsync(Order order, OrderStatus from, CancellationToken cancellationToken);

    /// <summary>R64: the ids of orders waiting for payment whose deadline has passed, earliest deadline first.</summary>
    Task<IReadOnlyList<OrderId>> FindOverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
