using MediatR;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Messaging;

namespace OrderPlatform.Application.Orders.Queries.ListOrders;

/// <summary>
/// R62: a page of the current buyer's orders, with AnQiCMS's names: <c>status</c> as sent,
/// <c>current</c> and <c>pageSize</c> null when absent or not integers.
/// </summary>
public sealed record ListOrdersQuery(string? Status, int? Current, int? PageSize) : IRequest<Result<OrderPage>>, IBuyerRequest;
