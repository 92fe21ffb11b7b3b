using AutoMapper;
using MediatR;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.ConfirmPayment;

/// <summary>
/// R65 in three steps: read the order, let it judge the payment, then write the guarded change
/// from waiting to paid (with the VIP membership it bought). The same payment confirmed again
/// writes nothing and succeeds, so the payment service may retry freely.
/// </summary>
internal sealed class ConfirmPaymentCommandHandler(IOrderRepository orders, TimeProvider clock, IUnitOfWork unitOfWork, IUserDirectory users, IMapper mapper)
    : IRequestHandler<ConfirmPaymentCommand, Result<OrderDto>>
{
    public async Task<Result<OrderDto>> Handle(ConfirmPaymentCommand request, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(request.OrderId!, cancellationToken);
        if (order is null)
        {
            return Error.Of(ErrorCode.OrderNotFound, "order_id");
        }

        var recording = order.ConfirmPayment(request.PaymentId!, request.Amount!.Value, clock.GetUtcNow());
        if (!recording.IsSuccess)
        {
            return RefusalOf(recording.Error!, order);
        }

        if (recording.Value == PaymentRecording.AlreadyRecorded)
        {
            return mapper.Map<OrderDto>(order);
        }

        var written = await unitOfWork.WriteAsync(
            async token =>
            {
                if (!await orders.TryMoveAsync(order, OrderStatus.PendingPayment, token))
                {
                    // Cancelled, closed or paid meanwhile: read it again and answer from what it is now.
                    return Result.StaleRead(Error.Of(ErrorCode.OrderClosed, "order_id"));
                }

                if (order.Type == OrderType.Vip)
                {
                    await users.MoveToGroupAsync(order.BuyerId, order.Lines[0].GoodsId, token);
                }

                return Result.Success;
            },
            cancellationToken);
        return written.Failed(out var error) ? error : mapper.Map<OrderDto>(order);
    }

    private static Error RefusalOf(DomainError refusal, Order order) => refusal.Code switch
    {
        DomainErrorCode.AmountMismatch => refusal.ToError("amount").With("amount", order.Amount.MinorUnits),
        DomainErrorCode.OrderAlreadyPaid => refusal.ToError("payment_id").With("status", (int)order.Status),
        _ => refusal.ToError("order_id").With("status", (int)order.Status),
    };
}
