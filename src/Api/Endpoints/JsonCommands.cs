using MediatR;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Localization;
using OrderPlatform.Api.Requests;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.Endpoints;

/// <summary>
/// What every endpoint with a JSON body does: read the body strictly (R1, R4, R5), send the command
/// it makes, and answer with the envelope in the request's language (R6). A body that cannot be
/// read is refused before any use case runs, and so before the login is checked, as in AnQiCMS (R9).
/// A refusal lists the body's unknown members (R5).
/// </summary>
internal static class JsonCommands
{
    public static async Task<IResult> SendAsync<TBody, TValue>(
        HttpContext context,
        JsonBody json,
        IMediator mediator,
        Func<TBody, IRequest<Result<TValue>>> toCommand,
        CancellationToken cancellationToken)
        where TBody : class
        where TValue : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(mediator);
        ArgumentNullException.ThrowIfNull(toCommand);
        var culture = RequestLanguage.Of(context.Request);
        var body = await json.ReadAsync<TBody>(context.Request, cancellationToken);
        if (body.Failed(out var refused))
        {
            return EnvelopeResults.Failure(refused, culture);
        }

        var result = await mediator.Send(toCommand(body.Value.Body), cancellationToken);
        return EnvelopeResults.From(body.Value.WithUnknownMembers(result), culture);
    }
}
