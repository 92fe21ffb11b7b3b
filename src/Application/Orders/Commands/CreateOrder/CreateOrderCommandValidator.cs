using FluentValidation;
using Microsoft.Extensions.Options;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Domain.Common;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>
/// Checks what can be checked without the database, in the order the contract lists the rules.
/// Each failure carries its section 13 code as the FluentValidation error code; the sentence a
/// person reads comes from that code in the Api (R6), so no messages are written here.
/// </summary>
internal sealed class CreateOrderCommandValidator : AbstractValidator<CreateOrderCommand>
{
    private const int MaxRemarkCharacters = 250;

    public CreateOrderCommandValidator(IOptions<OrderOptions> options)
    {
        var maxQuantity = options.Value.MaxQuantityPerLine;
        ClassLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c)
            .Must(c => c.CartIds.Count > 0 || c.Details.Count > 0 || c.GoodsId > 0)
            .WithErrorCode(ErrorCode.NoItems)
            .OverridePropertyName(string.Empty);

        RuleFor(c => c.Type)
            .Must(type => OrderTypeNames.TryParse(type, out _))
            .WithErrorCode(ErrorCode.InvalidType);

        RuleFor(c => c)
            .Must(c => c.Type != OrderTypeNames.Vip || (c.CartIds.Count == 0 && c.Details.Count <= 1))
            .WithErrorCode(ErrorCode.InvalidType)
            .OverridePropertyName("Type");

        RuleFor(c => c.Remark)
            .Must(remark => remark is null || Text.CharacterCount(remark.Trim()) <= MaxRemarkCharacters)
            .WithErrorCode(ErrorCode.RemarkTooLong);

        RuleFor(c => c.Quantity)
            .InclusiveBetween(0, maxQuantity)
            .When(c => c.CartIds.Count == 0 && c.Details.Count == 0)
            .WithErrorCode(ErrorCode.InvalidQuantity);

        RuleForEach(c => c.Details).ChildRules(detail =>
            detail.RuleFor(d => d.Quantity)
                .InclusiveBetween(0, maxQuantity)
                .WithErrorCode(ErrorCode.InvalidQuantity))
            .When(c => c.CartIds.Count == 0);

        RuleFor(c => c.Address!)
            .Custom(ValidateAddress)
            .When(c => c.Address is { IsReferenceOnly: false });
    }

    private static string Code(ErrorCode code) => ErrorCodeNames.NameOf(code);

    private static void ValidateAddress(CreateOrderAddress address, ValidationContext<CreateOrderCommand> context)
    {
        var created = Address.Create(AddressInput.PartsOf(address));
        if (!created.IsSuccess)
        {
            var field = AddressInput.FieldOf(created.Error!);
            context.AddFailure(new FluentValidation.Results.ValidationFailure(field, Code(ErrorCode.InvalidAddress))
            {
                ErrorCode = Code(ErrorCode.InvalidAddress),
            });
        }
    }
}
