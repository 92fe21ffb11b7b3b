using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>
/// The query side (R67): orders as the buyer reads them, projected straight into the answer's shape,
/// nothing tracked, from the read connection (a replica when one is configured).
/// </summary>
public interface IOrderReadModel
{
    /// <summary>The buyer's order with this number; null when there is none or it is another buyer's (R61).</summary>
    Task<OrderDto?> FindByNumberAsync(long buyerId, string number, CancellationToken cancellationToken);

    /// <summary>The buyer's order with this id; null when there is none or it is another buyer's (R61).</summary>
    Task<OrderDto?> FindByIdAsync(long buyerId, long id, CancellationToken cancellationToken);

    /// <summary>One page of the buyer's orders, newest first, and how many match in all (R62).</summary>
    Task<OrderPage> ListAsync(long buyerId, OrderStatus? status, PageRequest page, CancellationToken cancellationToken);
}

/// <summary>A page of orders and the number of the buyer's orders that match the filter.</summary>
public sealed record OrderPage(IReadOnlyList<OrderDto> Orders, long Total);
