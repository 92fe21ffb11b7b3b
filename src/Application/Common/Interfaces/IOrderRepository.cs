using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Stores orders.</summary>
public interface IOrderRepository
{
    /// <summary>Allocates the id of the order being written, inside the write step, so an order refused before it uses none (R52).</summary>
    Task<OrderId> NextIdAsync(CancellationToken cancellationToken);

    /// <summary>Stages the identified order; it is saved, with its lines' ids, when the write step commits.</summary>
    void Add(Order order);
}
