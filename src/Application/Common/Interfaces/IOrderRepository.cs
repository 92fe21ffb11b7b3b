using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Stores orders.</summary>
public interface IOrderRepository
{
    /// <summary>Allocates the id of the next order, before it is built (the order number needs it, R52).</summary>
    Task<OrderId> NextIdAsync(CancellationToken cancellationToken);

    /// <summary>Adds the order; it is written when the command's transaction commits.</summary>
    void Add(Order order);
}
