using MediatR;
using Microsoft.Extensions.Options;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Internal;
using OrderPlatform.Api.Localization;
using OrderPlatform.Api.OpenApi;
using OrderPlatform.Api.Requests;

namespace OrderPlatform.Api.Endpoints;

/// <summary>HTTP for internal callers: the payment service confirms payments (R65).</summary>
internal static class PaymentEndpoints
{
    /// <summary>Maps the endpoint only when a service key is configured; without one it does not exist, and answers 404 as any unknown path.</summary>
    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        if (routes.ServiceProvider.GetRequiredService<IOptions<InternalOptions>>().Value.ServiceKeys.Count == 0)
        {
            return routes;
        }

        routes.MapPost("/internal/order/paid", ConfirmPaidAsync)
            .AddEndpointFilter<ServiceKeyCheck>()
            .WithName("ConfirmPayment")
            .WithSummary("Confirm that an order was paid (payment service only; X-Service-Key)")
            .WithMetadata(new RequestBodyDocumentation(typeof(ConfirmPaymentRequest)))
            .Produces<ApiEnvelope>()
            .Produces<ApiEnvelope>(StatusCodes.Status401Unauthorized);
        return routes;
    }

    private static async Task<IResult> ConfirmPaidAsync(HttpContext context, JsonBody json, IMediator mediator, CancellationToken cancellationToken)
    {
        var culture = RequestLanguage.Of(context.Request);
        var body = await json.ReadAsync<ConfirmPaymentRequest>(context.Request, cancellationToken);
        if (body.Failed(out var refused))
        {
            return EnvelopeResults.Failure(refused, culture);
        }

        var result = await mediator.Send(body.Value.ToCommand(), cancellationToken);
        return EnvelopeResults.From(result, culture);
    }
}
