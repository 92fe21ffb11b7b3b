using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders.Commands.CancelOrder;
using OrderPlatform.Application.Orders.Commands.CloseOrder;
using OrderPlatform.Application.Orders.Commands.ConfirmPayment;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// R63, R64, R65, R66 on a real SQLite file: the buyer cancels, or the payment service confirms,
/// overdue orders while the close job closes them. The clock is moved past the deadline
/// (Orders:AutoCloseMinutes, 30 by default) instead of waiting. Each order leaves waiting exactly
/// once, by one of the racers, and what it reserved is given back once, or kept when it was paid.
/// </summary>
[Collection(LifecycleRaces.Name)]
public sealed class CloseRaceTests
{
    /// <summary>Overdue orders raced: one round each against a single close, or all at once against the sweep.</summary>
    private const int Orders = 20;

    private static readonly TimeSpan PastTheDeadline = TimeSpan.FromMinutes(31);

    [Fact]
    public async Task R63_R64_R66_a_cancel_racing_the_close_of_the_same_overdue_order_one_of_them_gives_back_once()
    {
        var clock = new ManualClock();
        await using var host = await OrderPlatformHost.StartAsync(clock: clock);
        var invariants = await LifecycleInvariants.SnapshotAsync(host);
        var orders = await LifecycleScenario.PlaceAsync(host, Orders);
        clock.Advance(PastTheDeadline);

        foreach (var order in orders)
        {
            using var gate = new StartingGate();
            var cancel = gate.Racer(() => host.SendAsync(order.BuyerId, new CancelOrderCommand(order.Number)));
            var close = gate.Racer(() => host.SendAsync(new CloseOrderCommand(new OrderId(order.Order.Id))));
            gate.Open();
            var (cancelled, closed) = (await cancel, await close);

            // A close that finds the order already cancelled is not an error: it skips it (R64).
            Assert.True(closed.IsSuccess, closed.Error?.Name);
            Assert.True(cancelled.IsSuccess ^ closed.Value.Closed, $"order {order.Number}: cancel {cancelled.Error?.Name ?? "won"}, closed {closed.Value.Closed}");
            if (!cancelled.IsSuccess)
            {
                Assert.Equal(ErrorCode.OrderNotCancellable, cancelled.Error!.Code);
                Assert.Equal((int)OrderStatus.Cancelled, cancelled.Error.Data["status"]);
            }
        }

        Assert.All((await LifecycleScenario.StoredOrdersAsync(host)).Values, o => Assert.Equal(OrderStatus.Cancelled, o.Status));
        await invariants.AssertHoldAsync(host);
    }

    [Fact]
    public async Task R63_R64_R66_cancels_racing_the_close_job_over_all_overdue_orders_each_order_is_closed_once()
    {
        var clock = new ManualClock();
        await using var host = await OrderPlatformHost.StartAsync(clock: clock);
        var invariants = await LifecycleInvariants.SnapshotAsync(host);
        var orders = await LifecycleScenario.PlaceAsync(host, Orders);
        clock.Advance(PastTheDeadline);

        using var gate = new StartingGate();
        var sweep = gate.Racer(() => LifecycleScenario.SweepAsync(host));
        var cancels = orders.Select(order => gate.Racer(() => host.SendAsync(order.BuyerId, new CancelOrderCommand(order.Number)))).ToArray();
        gate.Open();
        var report = await sweep;
        var cancelled = await Task.WhenAll(cancels);

        // Every order left waiting once: either its cancel or the job did it, never both.
        Assert.Equal(Orders, report.Done + cancelled.Count(c => c.IsSuccess));
        Assert.All(cancelled.Where(c => !c.IsSuccess), c =>
        {
            Assert.Equal(ErrorCode.OrderNotCancellable, c.Error!.Code);
            Assert.Equal((int)OrderStatus.Cancelled, c.Error.Data["status"]);
        });
        Assert.All((await LifecycleScenario.StoredOrdersAsync(host)).Values, o => Assert.Equal(OrderStatus.Cancelled, o.Status));
        await invariants.AssertHoldAsync(host);
    }

    [Fact]
    public async Task R64_R65_R66_a_payment_racing_the_close_of_the_same_overdue_order_exactly_one_wins_and_a_paid_order_is_never_closed()
    {
        var clock = new ManualClock();
        await using var host = await OrderPlatformHost.StartAsync(clock: clock);
        var invariants = await LifecycleInvariants.SnapshotAsync(host);
        var orders = await LifecycleScenario.PlaceAsync(host, Orders);
        clock.Advance(PastTheDeadline);

        foreach (var (order, round) in orders.Select((order, round) => (order, round)))
        {
            var paymentId = $"late-pay-{round}";
            using var gate = new StartingGate();
            var payment = gate.Racer(() => host.SendAsync(new ConfirmPaymentCommand(order.Number, paymentId, order.Order.Amount)));
            var close = gate.Racer(() => host.SendAsync(new CloseOrderCommand(new OrderId(order.Order.Id))));
            gate.Open();
            var (paid, closed) = (await payment, await close);

            // A close that finds the order paid skips it (R64); a payment that finds it closed is refused, to be refunded (R65).
            Assert.True(closed.IsSuccess, closed.Error?.Name);
            Assert.True(paid.IsSuccess ^ closed.Value.Closed, $"order {order.Number}: payment {paid.Error?.Name ?? "won"}, closed {closed.Value.Closed}");
            var stored = (await LifecycleScenario.StoredOrdersAsync(host))[order.Number];
            if (paid.IsSuccess)
            {
                Assert.Equal((OrderStatus.Paid, paymentId), (stored.Status, stored.PaymentId));
            }
            else
            {
                Assert.Equal(ErrorCode.OrderClosed, paid.Error!.Code);
                Assert.Equal((OrderStatus.Cancelled, (string?)null), (stored.Status, stored.PaymentId));
            }
        }

        await invariants.AssertHoldAsync(host);
    }
}
