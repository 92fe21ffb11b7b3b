using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Messaging;
using OrderPlatform.Application.Orders.Dtos;

namespace OrderPlatform.Application.Orders.Commands.CancelOrder;

/// <summary>R63: the current buyer cancels their order, named by its order number as the body sent it.</summary>
public sealed record CancelOrderCommand(string? OrderId) : ICommand<Result<OrderDto>>, IBuyerRequest;
