using MediatR;
using Microsoft.Extensions.Options;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Internal;
using OrderPlatform.Api.OpenApi;
using OrderPlatform.Api.Requests;
using OrderPlatform.Application.Orders.Dtos;

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

    private static Task<IResult> ConfirmPaidAsync(HttpContext context, JsonBody json, IMediator mediator, CancellationToken cancellationToken) =>
        JsonCommands.SendAsync<ConfirmPaymentRequest, OrderDto>(context, json, mediator, body => body.ToCommand(), cancellationToken);
}
