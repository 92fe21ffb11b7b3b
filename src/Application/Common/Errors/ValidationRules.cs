using FluentValidation;

namespace OrderPlatform.Application.Common.Errors;

/// <summary>Ties a FluentValidation rule to its section 13 error code, which ValidationBehaviour turns back into the <see cref="Error"/>.</summary>
internal static class ValidationRules
{
    public static IRuleBuilderOptions<T, TProperty> WithErrorCode<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, ErrorCode code) =>
        rule.WithErrorCode(ErrorCodeNames.NameOf(code));

    /// <summary>The rule's failure names <paramref name="messageKey"/> as its sentence (see <see cref="Error.MessageKey"/>).</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessageKey<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string messageKey) =>
        rule.WithState(_ => messageKey);
}
