using NSubstitute;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders.Commands.ConfirmPayment;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.UnitTests;

/// <summary>
/// R65 through the pipeline, as the payment service sends it (no buyer): the amount must be the
/// order's; a waiting order becomes paid in one guarded write; the same payment again succeeds and
/// writes nothing; a closed order or another payment is refused and nothing changes.
/// </summary>
public sealed class ConfirmPaymentTests
{
    private readonly LifecycleHarness _harness = new() { CurrentUserId = null };

    [Fact]
    public async Task R65_a_waiting_order_paid_in_full_becomes_paid_in_one_guarded_write()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46));

        var paid = World.Succeeded(await _harness.SendAsync(new ConfirmPaymentCommand(order.Number, "pay-1", order.Amount.MinorUnits)));

        Assert.Equal((int)OrderStatus.Paid, paid.Status);
        Assert.Equal("pay-1", paid.PaymentId);
        Assert.Equal(_harness.Now.ToUnixTimeSeconds(), paid.PaidTime);
        Assert.Equal(1, _harness.UnitOfWork.WriteSteps);
        await _harness.Orders.Received(1).TryMoveAsync(order, OrderStatus.PendingPayment, Arg.Any<CancellationToken>());
        await _harness.Users.DidNotReceiveWithAnyArgs().MoveToGroupAsync(default, default, default);
    }

    [Fact]
    public async Task R65_paying_a_vip_order_moves_the_buyer_into_its_group()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46, OrderType.Vip, lines: [LifecycleHarness.Line(7, sellerId: 0)]));

        World.Succeeded(await _harness.SendAsync(new ConfirmPaymentCommand(order.Number, "pay-1", order.Amount.MinorUnits)));

        await _harness.Users.Received(1).MoveToGroupAsync(World.BuyerId, 7, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R65_the_same_payment_again_succeeds_and_writes_nothing()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46));
        order.ConfirmPayment("pay-1", order.Amount.MinorUnits, World.Now.AddMinutes(1));

        var again = World.Succeeded(await _harness.SendAsync(new ConfirmPaymentCommand(order.Number, "pay-1", order.Amount.MinorUnits)));

        Assert.Equal(World.Now.AddMinutes(1).ToUnixTimeSeconds(), again.PaidTime);
        Assert.Equal(0, _harness.UnitOfWork.WriteSteps);
    }

    [Fact]
    public async Task R65_another_payment_of_a_paid_order_is_refused()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46));
        order.ConfirmPayment("pay-1", order.Amount.MinorUnits, World.Now.AddMinutes(1));

        World.Refused(await _harness.SendAsync(new ConfirmPaymentCommand(order.Number, "pay-2", order.Amount.MinorUnits)), ErrorCode.OrderAlreadyPaid, "payment_id");

        Assert.Equal(0, _harness.UnitOfWork.WriteSteps);
    }

    [Fact]
    public async Task R65_a_closed_order_is_refused_so_the_payment_service_refunds()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46));
        order.Cancel(World.Now.AddMinutes(1));

        var refused = World.Refused(await _harness.SendAsync(new ConfirmPaymentCommand(order.Number, "pay-1", order.Amount.MinorUnits)), ErrorCode.OrderClosed, "order_id");

        Assert.Equal((int)OrderStatus.Cancelled, refused.Data["status"]);
        Assert.Equal(0, _harness.UnitOfWork.WriteSteps);
    }

    [Fact]
    public async Task R65_an_amount_other_than_the_orders_is_refused_with_the_amount_expected()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46));

        var refused = World.Refused(await _harness.SendAsync(new ConfirmPaymentCommand(order.Number, "pay-1", order.Amount.MinorUnits - 1)), ErrorCode.AmountMismatch, "amount");

        World.AssertData(refused, "amount", order.Amount.MinorUnits);
        Assert.Equal(OrderStatus.PendingPayment, order.Status);
    }

    [Fact]
    public async Task R65_an_order_that_moved_on_during_the_write_is_answered_from_what_it_is_now()
    {
        var order = _harness.GivenStored(LifecycleHarness.Waiting(46));
        _harness.Orders.TryMoveAsync(default!, default, default).ReturnsForAnyArgs(false);

        World.Refused(await _harness.SendAsync(new ConfirmPaymentCommand(order.Number, "pay-1", order.Amount.MinorUnits)), ErrorCode.OrderClosed, "order_id");

        Assert.Equal(1, _harness.UnitOfWork.StaleReads);
    }

    [Fact]
    public async Task R65_an_unknown_order_is_not_found()
    {
        World.Refused(await _harness.SendAsync(new ConfirmPaymentCommand("202211232209080099", "pay-1", 100)), ErrorCode.OrderNotFound, "order_id");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("p-0123456789012345678901234567890123456789012345678901234567890123")]
    public async Task R65_a_missing_blank_or_overlong_payment_id_is_refused_before_any_read(string? paymentId)
    {
        var refused = World.Refused(await _harness.SendAsync(new ConfirmPaymentCommand("202211232209080046", paymentId, 100)), ErrorCode.InvalidJson, "payment_id");

        Assert.Equal(ConfirmPaymentCommandValidator.PaymentIdRequiredKey, refused.MessageKey);
        Assert.Empty(_harness.Orders.ReceivedCalls());
    }

    [Fact]
    public async Task R65_no_amount_cannot_match_the_order()
    {
        World.Refused(await _harness.SendAsync(new ConfirmPaymentCommand("202211232209080046", "pay-1", null)), ErrorCode.AmountMismatch, "amount");

        Assert.Empty(_harness.Orders.ReceivedCalls());
    }
}
