using FluentValidation;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Application.Orders.Commands.CancelOrder;

/// <summary>R63: the order number must be there and look like one.</summary>
internal sealed class CancelOrderCommandValidator : AbstractValidator<CancelOrderCommand>
{
    public CancelOrderCommandValidator()
    {
        RuleFor(c => c.OrderId).Must(OrderNumberFormat.IsWellFormed).WithErrorCode(ErrorCode.InvalidOrderId);
    }
}
