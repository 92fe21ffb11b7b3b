using OrderPlatform.Application.Orders.Commands.ConfirmPayment;

namespace OrderPlatform.Api.Requests;

/// <summary>The payment service's body (R65): the order number, its own payment id and the amount paid in minor units.</summary>
public sealed class ConfirmPaymentRequest
{
    public string? OrderId { get; init; }

    public string? PaymentId { get; init; }

    public long? Amount { get; init; }

    public ConfirmPaymentCommand ToCommand() => new(OrderId, PaymentId, Amount);
}
