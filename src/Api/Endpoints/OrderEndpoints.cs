using MediatR;
using OrderPlatform.Api.Authentication;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Localization;
using OrderPlatform.Api.OpenApi;
using OrderPlatform.Api.Requests;

namespace OrderPlatform.Api.Endpoints;

/// <summary>HTTP for orders: read the request, build the command, send it, write the envelope in the request's language (R6).</summary>
internal static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder routes)
    {
        var buyerEndpoints = routes.MapGroup(string.Empty).AddEndpointFilter<TokenRenewal>();
        buyerEndpoints.MapPost("/api/order/create", CreateAsync)
            .WithName("CreateOrder")
            .WithSummary("Create a pending-payment order (AnQiCMS compatible)")
            .WithDescription("Error messages (msg) are English by default and Simplified Chinese with ?lang=zh-CN or an Accept-Language preferring zh; code and data.error are the same in both.")
            .WithMetadata(new RequestBodyDocumentation(typeof(CreateOrderRequest)))
            .Produces<ApiEnvelope>();
        return routes;
    }

    /// <remarks>The body is parsed before the login is checked, as AnQiCMS does (R9); the check is the use case's.</remarks>
    private static async Task<IResult> CreateAsync(HttpContext context, JsonBody json, IMediator mediator, CancellationToken cancellationToken)
    {
        var culture = RequestLanguage.Of(context.Request);
        var body = await json.ReadAsync<CreateOrderRequest>(context.Request, cancellationToken);
        if (body.Failed(out var refused))
        {
            return EnvelopeResults.Failure(refused, culture);
        }

        var result = await mediator.Send(body.Value.ToCommand(), cancellationToken);
        return EnvelopeResults.From(result, culture);
    }
}
