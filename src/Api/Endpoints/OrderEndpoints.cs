using MediatR;
using OrderPlatform.Api.Authentication;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Localization;
using OrderPlatform.Api.OpenApi;
using OrderPlatform.Api.Requests;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.Endpoints;

/// <summary>HTTP for orders: read the request, build the command, send it, write the envelope in the request's language (R6).</summary>
internal static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/order/create", CreateAsync)
            .WithName("CreateOrder")
            .WithSummary("Create a pending-payment order (AnQiCMS compatible)")
            .WithDescription("Error messages (msg) are English by default and Simplified Chinese with ?lang=zh-CN or an Accept-Language preferring zh; code and data.error are the same in both.")
            .WithMetadata(new RequestBodyDocumentation(typeof(CreateOrderRequest)))
            .Produces<ApiEnvelope>();
        return routes;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, JsonBody json, BuyerAuthentication authentication, IMediator mediator, CancellationToken cancellationToken)
    {
        var culture = RequestLanguage.Of(context.Request);

        // R9: the body is parsed before the token is checked, as AnQiCMS does.
        var (body, bodyError, message) = await json.ReadAsync<CreateOrderRequest>(context.Request, culture, cancellationToken);
        if (bodyError is not null)
        {
            return EnvelopeResults.Failure(bodyError, culture, message);
        }

        var claims = authentication.Authenticate(context);
        if (claims is null)
        {
            return EnvelopeResults.Failure(Error.Of(ErrorCode.NotLoggedIn), culture);
        }

        var result = await mediator.Send(body!.ToCommand(claims.UserId), cancellationToken);

        // R11, only for a user who exists and may act: a deleted or disabled account's session must not be kept alive.
        if (result.Error?.Code is not (ErrorCode.NotLoggedIn or ErrorCode.NotAuthorized))
        {
            authentication.RenewIfExpiring(context, claims);
        }

        return EnvelopeResults.From(result, culture);
    }
}
