using System.Globalization;
using FluentValidation;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Application.Orders.Queries.GetOrderDetail;

/// <summary>R61: an order number of digits, or else a positive numeric id; anything else is invalid_order_id.</summary>
internal sealed class GetOrderDetailQueryValidator : AbstractValidator<GetOrderDetailQuery>
{
    public GetOrderDetailQueryValidator()
    {
        RuleFor(q => q.OrderId)
            .Must(OrderNumberFormat.IsWellFormed)
            .When(q => q.OrderId is not null || q.Id is null)
            .WithErrorCode(ErrorCode.InvalidOrderId);

        RuleFor(q => q.Id)
            .Must(id => TryParseId(id, out _))
            .When(q => q.OrderId is null && q.Id is not null)
            .WithErrorCode(ErrorCode.InvalidOrderId);
    }

    public static bool TryParseId(string? text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
}
