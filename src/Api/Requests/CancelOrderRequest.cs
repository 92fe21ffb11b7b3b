using OrderPlatform.Application.Orders.Commands.CancelOrder;

namespace OrderPlatform.Api.Requests;

/// <summary>The cancel body (R63): <c>{"order_id":"&lt;order number&gt;"}</c>.</summary>
public sealed class CancelOrderRequest
{
    public string? OrderId { get; init; }

    public CancelOrderCommand ToCommand() => new(OrderId);
}
