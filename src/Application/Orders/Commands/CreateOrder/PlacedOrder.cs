using OrderPlatform.Application.Common.Messaging;
using OrderPlatform.Application.Orders.Dtos;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>The create command's answer: the order, and whether it is the stored answer to an earlier request with the same idempotency key (R55).</summary>
public sealed record PlacedOrder(OrderDto Order, bool Replayed) : IReferencedResult
{
    string IReferencedResult.Reference => Order.OrderId;
}
