using MediatR;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Security;

namespace OrderPlatform.Application.Orders.Queries.ListOrders;

/// <summary>R62: only the buyer's own orders, newest first, one page at a time. The validator has already refused an unknown status.</summary>
internal sealed class ListOrdersQueryHandler(SignedInBuyer buyer, IOrderReadModel orders)
    : IRequestHandler<ListOrdersQuery, Result<OrderPage>>
{
    public async Task<Result<OrderPage>> Handle(ListOrdersQuery request, CancellationToken cancellationToken)
    {
        var buyerId = (await buyer.RequireAsync(cancellationToken)).Id;
        _ = OrderStatusFilter.TryParse(request.Status, out var status);
        return await orders.ListAsync(buyerId, status, PageRequest.Of(request.Current, request.PageSize), cancellationToken);
    }
}
