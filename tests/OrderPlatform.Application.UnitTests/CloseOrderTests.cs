using NSubstitute;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Scheduling;
using OrderPlatform.Application.Orders.Commands.CloseOrder;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.UnitTests;

/// <summary>
/// R64: the close job closes only overdue waiting orders, through the same guarded write as a
/// cancel; an order someone else already closed, cancelled or paid is skipped, not an error; it
/// works in batches of at most 100 and does nothing when auto-close is off.
/// </summary>
public sealed class CloseOrderTests
{
    private readonly LifecycleHarness _harness = new();

    [Fact]
    public async Task R64_an_overdue_waiting_order_is_closed_and_gives_back_its_stock_and_coupon_use()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46, withCoupon: true));
        _harness.Now = World.Now.AddMinutes(30);

        var closure = await _harness.SendAsync(new CloseOrderCommand(order.Id));

        Assert.Equal(new OrderClosure(order.Number, Closed: true), closure.Value);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        await _harness.Stock.Received(1).ReleaseAsync(188, null, 2, Arg.Any<CancellationToken>());
        await _harness.Coupons.Received(1).GiveBackAsync(LifecycleHarness.CouponCodeId, order.Id, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R64_an_order_still_within_its_payment_window_is_left_alone()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46));
        _harness.Now = World.Now.AddMinutes(29);

        var closure = await _harness.SendAsync(new CloseOrderCommand(order.Id));

        Assert.False(closure.Value.Closed);
        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Equal(0, _harness.UnitOfWork.WriteSteps);
    }

    [Fact]
    public async Task R64_an_order_paid_before_the_job_reached_it_is_skipped_without_an_error()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46));
        order.ConfirmPayment("pay-1", order.Amount.MinorUnits, World.Now.AddMinutes(1));
        _harness.Now = World.Now.AddHours(1);

        var closure = await _harness.SendAsync(new CloseOrderCommand(order.Id));

        Assert.True(closure.IsSuccess);
        Assert.False(closure.Value.Closed);
        Assert.Equal(0, _harness.UnitOfWork.WriteSteps);
    }

    [Fact]
    public async Task R64_the_sweep_closes_every_overdue_order_in_batches_of_at_most_100()
    {
        var overdue = Enumerable.Range(1, 105).Select(id => _harness.GivenStored(LifecycleHarness.Waiting(id))).ToList();
        var ids = overdue.ConvertAll(o => o.Id);
        _harness.Orders.FindOverdueAsync(default, default, default).ReturnsForAnyArgs(ids.Take(100).ToList(), ids.Skip(100).ToList());
        _harness.Now = World.Now.AddMinutes(31);

        var report = await _harness.SendSweepAsync();

        Assert.Equal(new SweepReport(nameof(OverdueOrderSweep), Done: 105, Skipped: 0), report);
        Assert.All(overdue, o => Assert.Equal(OrderStatus.Cancelled, o.Status));
        await _harness.Orders.Received(2).FindOverdueAsync(_harness.Now, OverdueOrderSweep.BatchSize, Arg.Any<CancellationToken>());
        Assert.Equal(105, _harness.UnitOfWork.Commands);
    }

    [Fact]
    public async Task R64_orders_another_instance_closed_first_are_counted_as_skipped()
    {
        var first = _harness.GivenStored(LifecycleHarness.Waiting(1));
        var second = _harness.GivenStored(LifecycleHarness.Waiting(2));
        second.Cancel(World.Now.AddMinutes(30));
        _harness.Orders.FindOverdueAsync(default, default, default).ReturnsForAnyArgs([first.Id, second.Id]);
        _harness.Now = World.Now.AddMinutes(31);

        var report = await _harness.SendSweepAsync();

        Assert.Equal(new SweepReport(nameof(OverdueOrderSweep), Done: 1, Skipped: 1), report);
    }

    [Fact]
    public async Task R64_the_sweep_does_nothing_when_auto_close_is_off()
    {
        _harness.Configuration["Orders:AutoCloseMinutes"] = "0";

        var report = await _harness.SendSweepAsync();

        Assert.Equal(new SweepReport(nameof(OverdueOrderSweep), Done: 0, Skipped: 0), report);
        Assert.Empty(_harness.Orders.ReceivedCalls());
    }

    [Fact]
    public async Task R64_an_order_that_is_gone_is_reported_not_found()
    {
        var closure = await _harness.SendAsync(new CloseOrderCommand(new OrderId(404)));

        Assert.Equal(ErrorCode.OrderNotFound, closure.Error!.Code);
    }
}
