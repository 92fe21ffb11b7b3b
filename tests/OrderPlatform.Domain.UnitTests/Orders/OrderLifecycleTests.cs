using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Domain.UnitTests.Orders;

/// <summary>
/// The order itself decides every move after it is placed (R63-R65): only a waiting order can be
/// cancelled or closed, only an overdue one is closed, and a payment must match the amount and
/// may be confirmed again only by the same payment.
/// </summary>
public sealed class OrderLifecycleTests
{
    private static readonly DateTimeOffset Later = Build.PlacedAt.AddMinutes(5);
    private static readonly DateTimeOffset PastDeadline = Build.PlacedAt.AddMinutes(31);

    [Fact]
    public void R63_a_waiting_order_is_cancelled_and_its_update_time_moves()
    {
        var order = Waiting();

        Assert.True(order.Cancel(Later).IsSuccess);

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(Later, order.UpdatedAt);
        Assert.Equal(Build.PlacedAt, order.CreatedAt);
    }

    [Fact]
    public void R63_a_cancelled_order_cannot_be_cancelled_again_and_stays_as_it_was()
    {
        var order = Waiting();
        order.Cancel(Later);

        var again = order.Cancel(PastDeadline);

        Assert.Equal(DomainErrorCode.OrderNotCancellable, again.Error!.Code);
        Assert.Equal(Later, order.UpdatedAt);
    }

    [Fact]
    public void R63_a_paid_order_cannot_be_cancelled()
    {
        var order = Paid("pay-1");

        Assert.Equal(DomainErrorCode.OrderNotCancellable, order.Cancel(PastDeadline).Error!.Code);
        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    [Fact]
    public void R64_an_order_is_closed_only_once_its_deadline_has_passed()
    {
        var order = Waiting();

        Assert.Equal(DomainErrorCode.OrderNotOverdue, order.Close(Build.PlacedAt.AddMinutes(29)).Error!.Code);
        Assert.Equal(OrderStatus.PendingPayment, order.Status);

        Assert.True(order.Close(Build.PlacedAt.AddMinutes(30)).IsSuccess);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void R64_an_order_without_a_deadline_is_never_closed()
    {
        var order = Build.Placed(Build.Placement() with { PaymentWindow = null }, Build.Line(188, 9900));

        Assert.Equal(DomainErrorCode.OrderNotOverdue, order.Close(PastDeadline.AddYears(1)).Error!.Code);
    }

    [Fact]
    public void R64_a_paid_or_cancelled_order_is_not_closed()
    {
        var cancelled = Waiting();
        cancelled.Cancel(Later);

        Assert.Equal(DomainErrorCode.OrderNotCancellable, Paid("pay-1").Close(PastDeadline).Error!.Code);
        Assert.Equal(DomainErrorCode.OrderNotCancellable, cancelled.Close(PastDeadline).Error!.Code);
    }

    [Fact]
    public void R65_a_waiting_order_paid_in_full_becomes_paid_with_the_payment_and_its_time()
    {
        var order = Waiting();

        var recorded = order.ConfirmPayment("pay-1", order.Amount.MinorUnits, Later);

        Assert.Equal(PaymentRecording.Recorded, recorded.Value);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal("pay-1", order.PaymentId);
        Assert.Equal(Later, order.PaidAt);
        Assert.Equal(Later, order.UpdatedAt);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void R65_an_amount_other_than_the_orders_is_refused_and_nothing_changes(long difference)
    {
        var order = Waiting();

        var recorded = order.ConfirmPayment("pay-1", order.Amount.MinorUnits + difference, Later);

        Assert.Equal(DomainErrorCode.AmountMismatch, recorded.Error!.Code);
        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Null(order.PaymentId);
        Assert.Null(order.PaidAt);
    }

    [Fact]
    public void R65_the_same_payment_again_changes_nothing()
    {
        var order = Paid("pay-1");

        var again = order.ConfirmPayment("pay-1", order.Amount.MinorUnits, PastDeadline);

        Assert.Equal(PaymentRecording.AlreadyRecorded, again.Value);
        Assert.Equal(Later, order.PaidAt);
        Assert.Equal(Later, order.UpdatedAt);
    }

    [Fact]
    public void R65_another_payment_of_a_paid_order_is_refused()
    {
        var order = Paid("pay-1");

        Assert.Equal(DomainErrorCode.OrderAlreadyPaid, order.ConfirmPayment("pay-2", order.Amount.MinorUnits, PastDeadline).Error!.Code);
        Assert.Equal("pay-1", order.PaymentId);
    }

    [Fact]
    public void R65_a_payment_of_a_closed_order_is_refused_and_the_order_stays_closed()
    {
        var order = Waiting();
        order.Close(PastDeadline);

        Assert.Equal(DomainErrorCode.OrderClosed, order.ConfirmPayment("pay-1", order.Amount.MinorUnits, PastDeadline).Error!.Code);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Null(order.PaymentId);
    }

    private static Order Waiting() => Build.Placed(Build.Placement(), Build.Line(188, 9900, quantity: 2));

    private static Order Paid(string paymentId)
    {
        var order = Waiting();
        Assert.Equal(PaymentRecording.Recorded, order.ConfirmPayment(paymentId, order.Amount.MinorUnits, Later).Value);
        return order;
    }
}
