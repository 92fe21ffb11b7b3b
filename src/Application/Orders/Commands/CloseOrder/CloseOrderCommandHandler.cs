using MediatR;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Application.Orders.Commands.CloseOrder;

/// <summary>R64 in the same three steps as a cancel, with the same write: only the decision differs (the order must be overdue).</summary>
internal sealed class CloseOrderCommandHandler(IOrderRepository orders, TimeProvider clock, IOrderClosureWriter writer)
    : IRequestHandler<CloseOrderCommand, Result<OrderClosure>>
{
    public async Task<Result<OrderClosure>> Handle(CloseOrderCommand request, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(request.Id, cancellationToken);
        if (order is null)
        {
            return Error.Of(ErrorCode.OrderNotFound);
        }

        if (!order.Close(clock.GetUtcNow()).IsSuccess)
        {
            return new OrderClosure(order.Number, Closed: false);
        }

        var written = await writer.WriteAsync(order, cancellationToken);
        return written.Failed(out var error) ? error : new OrderClosure(order.Number, Closed: true);
    }
}
