using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders.Commands.CancelOrder;
using OrderPlatform.Application.Orders.Commands.ConfirmPayment;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// R65 in process: a service hosting the layers sends ConfirmPaymentCommand through IMediator with
/// no key and no user. The order becomes paid and keeps what it reserved; a retry of the same
/// payment changes nothing; a paid VIP order moves its buyer into the order's user group (R44).
/// </summary>
public sealed class PaymentConfirmationTests
{
    [Fact]
    public async Task R65_R66_a_payment_confirmed_in_process_pays_the_order_which_keeps_its_stock_and_coupon_use()
    {
        var clock = new ManualClock();
        await using var host = await OrderPlatformHost.StartAsync(clock: clock);
        var invariants = await LifecycleInvariants.SnapshotAsync(host);
        var placed = await LifecycleScenario.PlaceAsync(host, DemoData.BuyerId, LifecycleScenario.GoodsOrder(0, DemoData.FixedCouponCode));
        clock.Advance(TimeSpan.FromMinutes(5));

        var paid = await host.SendAsync(new ConfirmPaymentCommand(placed.Number, "pay-goods-1", placed.Order.Amount));

        Assert.True(paid.IsSuccess, paid.Error?.Name);
        var paidAt = clock.GetUtcNow();
        Assert.Equal(((int)OrderStatus.Paid, "pay-goods-1", paidAt.ToUnixTimeSeconds()), (paid.Value.Status, paid.Value.PaymentId, paid.Value.PaidTime));
        var stored = (await LifecycleScenario.StoredOrdersAsync(host))[placed.Number];
        Assert.Equal(new StoredOrder(placed.Number, OrderStatus.Paid, "pay-goods-1", paidAt, paidAt), stored);
        await invariants.AssertHoldAsync(host);

        // The payment service retries: the same payment succeeds and writes nothing; another is refused.
        clock.Advance(TimeSpan.FromMinutes(1));
        var retried = await host.SendAsync(new ConfirmPaymentCommand(placed.Number, "pay-goods-1", placed.Order.Amount));
        var another = await host.SendAsync(new ConfirmPaymentCommand(placed.Number, "pay-goods-2", placed.Order.Amount));
        var wrongAmount = await host.SendAsync(new ConfirmPaymentCommand(placed.Number, "pay-goods-1", placed.Order.Amount + 1));

        Assert.True(retried.IsSuccess, retried.Error?.Name);
        Assert.Equal(ErrorCode.OrderAlreadyPaid, another.Error?.Code);
        Assert.Equal(ErrorCode.AmountMismatch, wrongAmount.Error?.Code);
        Assert.Equal(stored, (await LifecycleScenario.StoredOrdersAsync(host))[placed.Number]);

        // Paid is final here: neither the buyer nor the close job takes it back, so nothing is given back.
        clock.Advance(TimeSpan.FromHours(1));
        var cancel = await host.SendAsync(DemoData.BuyerId, new CancelOrderCommand(placed.Number));
        Assert.Equal(ErrorCode.OrderNotCancellable, cancel.Error?.Code);
        Assert.Equal((int)OrderStatus.Paid, cancel.Error!.Data["status"]);
        Assert.Equal(0, (await LifecycleScenario.SweepAsync(host)).Done);
        Assert.Equal(stored, (await LifecycleScenario.StoredOrdersAsync(host))[placed.Number]);
        await invariants.AssertHoldAsync(host);
    }

    [Fact]
    public async Task R65_R44_a_paid_vip_order_moves_its_buyer_into_the_orders_user_group()
    {
        await using var host = await OrderPlatformHost.StartAsync();
        var invariants = await LifecycleInvariants.SnapshotAsync(host);
        var placed = await LifecycleScenario.PlaceAsync(host, DemoData.BuyerId, new CreateOrderCommand { Type = "vip", GoodsId = DemoData.VipGroupId });

        // Placing it is not enough: the buyer is still in their group until the payment is confirmed.
        Assert.Equal(DemoData.MemberGroupId, await GroupOfAsync(host, DemoData.BuyerId));

        var paid = await host.SendAsync(new ConfirmPaymentCommand(placed.Number, "pay-vip-1", placed.Order.Amount));

        Assert.True(paid.IsSuccess, paid.Error?.Name);
        Assert.Equal((int)OrderStatus.Paid, paid.Value.Status);
        Assert.Equal(DemoData.VipGroupId, await GroupOfAsync(host, DemoData.BuyerId));
        Assert.Equal(DemoData.MemberGroupId, await GroupOfAsync(host, DemoData.ReferredBuyerId));

        // A VIP order reserves no stock (R45), so paying it leaves every product and SKU as seeded.
        await invariants.AssertHoldAsync(host);
    }

    private static Task<long> GroupOfAsync(OrderPlatformHost host, long userId) => host.InScopeAsync(services =>
        services.GetRequiredService<OrderPlatformDbContext>().Users.Where(u => u.Id == userId).Select(u => u.GroupId).SingleAsync());
}
