using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders.Commands.CancelOrder;
using OrderPlatform.Application.Orders.Commands.ConfirmPayment;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// R63, R65, R66 on a real SQLite file: a cancel racing another cancel, or racing the payment
/// service's confirmation, for the same order. The guarded status change lets exactly one of them
/// move the order out of waiting; the loser answers from what the winner wrote, and what the order
/// reserved is given back at most once (only when a cancel won).
/// </summary>
[Collection(LifecycleRaces.Name)]
public sealed class CancelRaceTests
{
    /// <summary>Orders raced, one round each, both racers released together.</summary>
    private const int Orders = 20;

    [Fact]
    public async Task R63_R66_two_cancels_racing_for_the_same_order_one_succeeds_and_the_other_finds_it_cancelled()
    {
        await using var host = await OrderPlatformHost.StartAsync();
        var invariants = await LifecycleInvariants.SnapshotAsync(host);
        var orders = await LifecycleScenario.PlaceAsync(host, Orders);

        foreach (var order in orders)
        {
            using var gate = new StartingGate();
            var cancels = new[]
            {
                gate.Racer(() => host.SendAsync(order.BuyerId, new CancelOrderCommand(order.Number))),
                gate.Racer(() => host.SendAsync(order.BuyerId, new CancelOrderCommand(order.Number))),
            };
            gate.Open();
            var results = await Task.WhenAll(cancels);

            Assert.Equal((int)OrderStatus.Cancelled, Assert.Single(results, r => r.IsSuccess).Value.Status);
            var loser = Assert.Single(results, r => !r.IsSuccess).Error!;
            Assert.Equal(ErrorCode.OrderNotCancellable, loser.Code);
            Assert.Equal((int)OrderStatus.Cancelled, loser.Data["status"]);
        }

        Assert.All((await LifecycleScenario.StoredOrdersAsync(host)).Values, o => Assert.Equal(OrderStatus.Cancelled, o.Status));

        // Everything is cancelled, so R66 says every unit and every coupon use is back: given back once, not twice.
        await invariants.AssertHoldAsync(host);
    }

    [Fact]
    public async Task R63_R65_R66_a_cancel_racing_a_payment_exactly_one_wins_and_the_loser_answers_from_the_winner()
    {
        await using var host = await OrderPlatformHost.StartAsync();
        var invariants = await LifecycleInvariants.SnapshotAsync(host);
        var orders = await LifecycleScenario.PlaceAsync(host, Orders);

        foreach (var (order, round) in orders.Select((order, round) => (order, round)))
        {
            var paymentId = $"pay-{round}";
            using var gate = new StartingGate();
            var cancel = gate.Racer(() => host.SendAsync(order.BuyerId, new CancelOrderCommand(order.Number)));
            var payment = gate.Racer(() => host.SendAsync(new ConfirmPaymentCommand(order.Number, paymentId, order.Order.Amount)));
            gate.Open();
            var (cancelled, paid) = (await cancel, await payment);

            Assert.True(cancelled.IsSuccess ^ paid.IsSuccess, $"order {order.Number}: cancel {cancelled.Error?.Name ?? "won"}, payment {paid.Error?.Name ?? "won"}");
            var stored = (await LifecycleScenario.StoredOrdersAsync(host))[order.Number];
            if (paid.IsSuccess)
            {
                // The payment won: the order is paid, keeps its stock and coupon use, and cannot be cancelled.
                Assert.Equal((OrderStatus.Paid, paymentId), (stored.Status, stored.PaymentId));
                Assert.Equal(ErrorCode.OrderNotCancellable, cancelled.Error!.Code);
                Assert.Equal((int)OrderStatus.Paid, cancelled.Error.Data["status"]);
            }
            else
            {
                // The cancel won: the payment is refused as closed, and nothing of it is stored.
                Assert.Equal((OrderStatus.Cancelled, (string?)null), (stored.Status, stored.PaymentId));
                Assert.Equal(ErrorCode.OrderClosed, paid.Error!.Code);
                Assert.Equal((int)OrderStatus.Cancelled, paid.Error.Data["status"]);
            }
        }

        await invariants.AssertHoldAsync(host);
    }
}
