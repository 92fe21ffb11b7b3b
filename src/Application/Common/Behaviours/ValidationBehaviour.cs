using FluentValidation;
using MediatR;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Application.Common.Behaviours;

/// <summary>
/// Runs the request's validators before anything else touches the database; the first failure
/// becomes the result, with its field as the JSON path the client sent.
/// </summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IUseCaseResult<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        foreach (var validator in validators)
        {
            var outcome = await validator.ValidateAsync(request, cancellationToken);
            var failure = outcome.Errors.FirstOrDefault();
            if (failure is not null)
            {
                return TResponse.FromError(ToError(failure));
            }
        }

        return await next();
    }

    private static Error ToError(FluentValidation.Results.ValidationFailure failure)
    {
        if (!ErrorCodeNames.TryParse(failure.ErrorCode, out var code))
        {
            throw new InvalidOperationException($"Validator rule for '{failure.PropertyName}' has no section 13 error code ({failure.ErrorCode}).");
        }

        return Error.Of(code, JsonPath.FromPropertyPath(failure.PropertyName)) with { MessageKey = failure.CustomState as string };
    }
}
