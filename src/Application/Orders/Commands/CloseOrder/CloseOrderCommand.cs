using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Messaging;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CloseOrder;

/// <summary>R64: close one order if it is still waiting for payment past its deadline. Sent by the close job, not by a buyer.</summary>
public sealed record CloseOrderCommand(OrderId Id) : ICommand<Result<OrderClosure>>;
