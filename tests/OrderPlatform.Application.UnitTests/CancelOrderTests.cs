using NSubstitute;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders.Commands.CancelOrder;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.UnitTests;

/// <summary>
/// R63 through the pipeline: the buyer's own waiting order is cancelled in one write step that
/// moves its status first and only then gives back its stock, line by line in the locking order
/// of R26, and its coupon use (R27, R40). Anything refused writes nothing.
/// </summary>
public sealed class CancelOrderTests
{
    private readonly LifecycleHarness _harness = new();

    [Fact]
    public async Task R63_R27_a_waiting_order_is_cancelled_and_its_stock_goes_back_in_the_locking_order()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(
            46,
            lines: [LifecycleHarness.Line(188, quantity: 2), LifecycleHarness.Line(1, skuId: 102), LifecycleHarness.Line(1, skuId: 101, quantity: 3)]));

        var cancelled = World.Succeeded(await _harness.SendAsync(new CancelOrderCommand(order.Number)));

        Assert.Equal((int)OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(_harness.Now.ToUnixTimeSeconds(), cancelled.UpdatedTime);
        Assert.Equal(1, _harness.UnitOfWork.WriteSteps);
        Assert.Equal(0, _harness.UnitOfWork.RolledBack);
        Assert.Equal(3, _harness.Stock.ReceivedCalls().Count());
        Received.InOrder(() =>
        {
            _harness.Stock.ReleaseAsync(1, 101, 3, Arg.Any<CancellationToken>());
            _harness.Stock.ReleaseAsync(1, 102, 1, Arg.Any<CancellationToken>());
            _harness.Stock.ReleaseAsync(188, null, 2, Arg.Any<CancellationToken>());
        });
        await _harness.Coupons.DidNotReceiveWithAnyArgs().GiveBackAsync(default, default, default);
    }

    [Fact]
    public async Task R63_R40_the_coupon_use_goes_back_with_the_order_id_after_the_status_has_moved()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46, withCoupon: true));

        World.Succeeded(await _harness.SendAsync(new CancelOrderCommand(order.Number)));

        Received.InOrder(() =>
        {
            _harness.Orders.TryMoveAsync(order, OrderStatus.PendingPayment, Arg.Any<CancellationToken>());
            _harness.Stock.ReleaseAsync(188, null, 2, Arg.Any<CancellationToken>());
            _harness.Coupons.GiveBackAsync(LifecycleHarness.CouponCodeId, order.Id, Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task R63_a_vip_order_reserved_no_stock_so_none_goes_back()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46, OrderType.Vip, lines: [LifecycleHarness.Line(7, sellerId: 0)]));

        World.Succeeded(await _harness.SendAsync(new CancelOrderCommand(order.Number)));

        Assert.Empty(_harness.Stock.ReceivedCalls());
    }

    [Fact]
    public async Task R63_another_buyers_order_is_not_found_and_nothing_is_written()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46));
        _harness.CurrentUserId = LifecycleHarness.OtherBuyerId;

        World.Refused(await _harness.SendAsync(new CancelOrderCommand(order.Number)), ErrorCode.OrderNotFound, "order_id");

        Assert.Equal(0, _harness.UnitOfWork.WriteSteps);
        Assert.Equal(OrderStatus.PendingPayment, order.Status);
    }

    [Fact]
    public async Task R63_an_unknown_order_is_not_found()
    {
        World.Refused(await _harness.SendAsync(new CancelOrderCommand("202211232209080099")), ErrorCode.OrderNotFound, "order_id");

        Assert.Equal(0, _harness.UnitOfWork.WriteSteps);
    }

    [Theory]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Paid)]
    public async Task R63_only_a_waiting_order_can_be_cancelled_and_the_refusal_says_its_status(OrderStatus status)
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46));
        Assert.True(status == OrderStatus.Cancelled
            ? order.Cancel(World.Now).IsSuccess
            : order.ConfirmPayment("pay-1", order.Amount.MinorUnits, World.Now).IsSuccess);

        var refused = World.Refused(await _harness.SendAsync(new CancelOrderCommand(order.Number)), ErrorCode.OrderNotCancellable, "order_id");

        Assert.Equal((int)status, refused.Data["status"]);
        Assert.Equal(0, _harness.UnitOfWork.WriteSteps);
    }

    [Fact]
    public async Task R63_when_the_guarded_change_finds_the_order_moved_on_nothing_is_given_back()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46, withCoupon: true));
        _harness.Orders.TryMoveAsync(default!, default, default).ReturnsForAnyArgs(false);

        World.Refused(await _harness.SendAsync(new CancelOrderCommand(order.Number)), ErrorCode.OrderNotCancellable, "order_id");

        Assert.Equal(1, _harness.UnitOfWork.StaleReads);
        Assert.Empty(_harness.Stock.ReceivedCalls());
        Assert.Empty(_harness.Coupons.ReceivedCalls());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2022112322090800a6")]
    [InlineData(" 202211232209080046")]
    [InlineData("123456789012345678901234567890123")]
    public async Task R63_a_missing_or_malformed_order_number_is_invalid_order_id_before_any_read(string? number)
    {
        World.Refused(await _harness.SendAsync(new CancelOrderCommand(number)), ErrorCode.InvalidOrderId, "order_id");

        Assert.Empty(_harness.Orders.ReceivedCalls());
    }

    [Fact]
    public async Task R9_an_anonymous_caller_is_not_logged_in_and_no_order_is_read()
    {
        _harness.CurrentUserId = null;

        World.Refused(await _harness.SendAsync(new CancelOrderCommand("202211232209080046")), ErrorCode.NotLoggedIn, null);

        Assert.Empty(_harness.Orders.ReceivedCalls());
    }
}
