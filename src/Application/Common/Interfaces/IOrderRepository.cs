using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Stores orders.</summary>
public interface IOrderRepository
{
    /// <summary>Allocates the id of the next order, before it is built (the order number needs it, R52).</summary>
    Task<OrderId> NextIdAsync(CancellationToken cancellationToken);

    /// <summary>Writes the order inside the command's transaction (so its lines get their ids); it is kept when that commits.</summary>
    Task AddAsync(Order order, CancellationToken cancellationToken);
}
