using FluentValidation;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Application.Orders.Queries.ListOrders;

/// <summary>R62: a status the list knows, or none.</summary>
internal sealed class ListOrdersQueryValidator : AbstractValidator<ListOrdersQuery>
{
    public ListOrdersQueryValidator()
    {
        RuleFor(q => q.Status)
            .Must(status => OrderStatusFilter.TryParse(status, out _))
            .WithErrorCode(ErrorCode.InvalidStatus);
    }
}
