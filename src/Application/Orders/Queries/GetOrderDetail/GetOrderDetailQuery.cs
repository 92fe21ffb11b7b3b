using MediatR;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Messaging;
using OrderPlatform.Application.Orders.Dtos;

namespace OrderPlatform.Application.Orders.Queries.GetOrderDetail;

/// <summary>
/// R61: one of the current buyer's orders, by its number (<c>order_id</c>) or its numeric id
/// (<c>id</c>), both as the query string sent them; the number wins when both are given.
/// </summary>
public sealed record GetOrderDetailQuery(string? OrderId, string? Id) : IRequest<Result<OrderDto>>, IBuyerRequest;
