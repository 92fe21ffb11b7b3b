using AutoMapper;
using MediatR;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Application.Orders.Dtos;

namespace OrderPlatform.Application.Orders.Commands.CancelOrder;

/// <summary>
/// R63 in three steps: read the buyer's order, let it decide whether it can be cancelled, then
/// write the guarded change with the give-back. Another buyer's order is not found, as in R61.
/// </summary>
internal sealed class CancelOrderCommandHandler(SignedInBuyer buyer, IOrderRepository orders, TimeProvider clock, IOrderClosureWriter writer, IMapper mapper)
    : IRequestHandler<CancelOrderCommand, Result<OrderDto>>
{
    public async Task<Result<OrderDto>> Handle(CancelOrderCommand request, CancellationToken cancellationToken)
    {
        var buyerId = (await buyer.RequireAsync(cancellationToken)).Id;
        var order = await orders.FindAsync(request.OrderId!, cancellationToken);
        if (order is null || order.BuyerId != buyerId)
        {
            return Error.Of(ErrorCode.OrderNotFound, "order_id");
        }

        if (!order.Cancel(clock.GetUtcNow()).IsSuccess)
        {
            return Error.Of(ErrorCode.OrderNotCancellable, "order_id").With("status", (int)order.Status);
        }

        var written = await writer.WriteAsync(order, cancellationToken);
        return written.Failed(out var error) ? error : mapper.Map<OrderDto>(order);
    }
}
