using MediatR;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Application.Orders.Dtos;

namespace OrderPlatform.Application.Orders.Queries.GetOrderDetail;

/// <summary>R61: the buyer's own order; another buyer's order is answered exactly as a missing one, so neither can be told apart.</summary>
internal sealed class GetOrderDetailQueryHandler(SignedInBuyer buyer, IOrderReadModel orders)
    : IRequestHandler<GetOrderDetailQuery, Result<OrderDto>>
{
    public async Task<Result<OrderDto>> Handle(GetOrderDetailQuery request, CancellationToken cancellationToken)
    {
        var buyerId = (await buyer.RequireAsync(cancellationToken)).Id;
        var order = request.OrderId is { } number
            ? await orders.FindByNumberAsync(buyerId, number, cancellationToken)
            : GetOrderDetailQueryValidator.TryParseId(request.Id, out var id) ? await orders.FindByIdAsync(buyerId, id, cancellationToken) : null;
        return order is null
            ? Error.Of(ErrorCode.OrderNotFound, request.OrderId is null ? "id" : "order_id")
            : order;
    }
}
