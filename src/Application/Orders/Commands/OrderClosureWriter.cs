using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands;

/// <summary>The write step of a cancel (R63) and of an automatic close (R64), which differ only in who decides.</summary>
internal interface IOrderClosureWriter
{
    /// <summary>Writes the order's move from waiting to cancelled and gives back what it reserved, in one short transaction, or writes nothing.</summary>
    Task<Result> WriteAsync(Order order, CancellationToken cancellationToken);
}

/// <summary>
/// The guarded status change comes first: only the one transaction that moves the order out of
/// waiting gives anything back, so two cancels, a cancel and a close, or a cancel and a payment
/// release at most once (R27, R66). The stock goes back line by line in the order R26 takes it,
/// so a release and a reservation never wait on each other in a circle; then the coupon use (R40).
/// </summary>
internal sealed class OrderClosureWriter(IUnitOfWork unitOfWork, IOrderRepository orders, IStockLedger stock, ICouponBook coupons)
    : IOrderClosureWriter
{
    public Task<Result> WriteAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return unitOfWork.WriteAsync(
            async token =>
            {
                if (!await orders.TryMoveAsync(order, OrderStatus.PendingPayment, token))
                {
                    // Another cancel, close or payment got there first: the command reads the order again and answers from that.
                    return Result.StaleRead(Error.Of(ErrorCode.OrderNotCancellable, "order_id"));
                }

                if (order.Type == OrderType.Goods)
                {
                    foreach (var line in order.Lines.OrderBy(l => l.GoodsId).ThenBy(l => l.SkuId ?? 0))
                    {
                        await stock.ReleaseAsync(line.GoodsId, line.SkuId, line.Quantity, token);
                    }
                }

                if (order.CouponCodeId is { } couponCodeId)
                {
                    await coupons.GiveBackAsync(couponCodeId, order.Id, token);
                }

                return Result.Success;
            },
            cancellationToken);
    }
}
