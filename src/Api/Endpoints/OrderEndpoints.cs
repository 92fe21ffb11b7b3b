using MediatR;
using OrderPlatform.Api.Authentication;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Requests;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.Endpoints;

/// <summary>HTTP for orders: read the request, build the command, send it, write the envelope.</summary>
internal static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/order/create", CreateAsync)
            .WithName("CreateOrder")
            .WithSummary("Create a pending-payment order (AnQiCMS compatible)")
            .Produces<ApiEnvelope>();
        return routes;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, JsonBody json, BuyerAuthentication authentication, IMediator mediator, CancellationToken cancellationToken)
    {
        // R9: the body is parsed before the token is checked, as AnQiCMS does.
        var (body, bodyError, message) = await json.ReadAsync<CreateOrderRequest>(context.Request, cancellationToken);
        if (bodyError is not null)
        {
            return EnvelopeResults.Failure(bodyError, message);
        }

        var claims = authentication.Authenticate(context);
        if (claims is null)
        {
            return EnvelopeResults.Failure(Error.Of(ErrorCode.NotLoggedIn));
        }

        authentication.RenewIfExpiring(context, claims);
        var result = await mediator.Send(body!.ToCommand(claims.UserId), cancellationToken);
        return EnvelopeResults.From(result);
    }
}
