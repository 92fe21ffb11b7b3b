using FluentValidation;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Application.Orders.Commands.ConfirmPayment;

/// <summary>R65: an order number, the payment's own id of 1 to 64 characters, and an amount.</summary>
internal sealed class ConfirmPaymentCommandValidator : AbstractValidator<ConfirmPaymentCommand>
{
    public const string PaymentIdRequiredKey = "invalid_json.payment_id_required";
    private const int MaxPaymentIdLength = 64;

    public ConfirmPaymentCommandValidator()
    {
        RuleFor(c => c.OrderId).Must(OrderNumberFormat.IsWellFormed).WithErrorCode(ErrorCode.InvalidOrderId);
        RuleFor(c => c.PaymentId)
            .Must(id => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxPaymentIdLength)
            .WithErrorCode(ErrorCode.InvalidJson)
            .WithMessageKey(PaymentIdRequiredKey);

        // No amount cannot be the order's amount.
        RuleFor(c => c.Amount).NotNull().WithErrorCode(ErrorCode.AmountMismatch);
    }
}
