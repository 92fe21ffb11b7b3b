using MediatR;
using OrderPlatform.Api.Authentication;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Localization;
using OrderPlatform.Api.OpenApi;
using OrderPlatform.Api.RateLimiting;
using OrderPlatform.Api.Requests;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Application.Orders.Queries.GetOrderDetail;
using OrderPlatform.Application.Orders.Queries.ListOrders;

namespace OrderPlatform.Api.Endpoints;

/// <summary>HTTP for a buyer's orders: read the request, build the command or query, send it, write the envelope in the request's language (R6).</summary>
internal static class OrderEndpoints
{
    private const string CreatePath = "/api/order/create";

    /// <summary>What an idempotency key's fingerprint names as the request's route (R55).</summary>
    private const string CreateRoute = "POST " + CreatePath;

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder routes)
    {
        var buyerEndpoints = routes.MapGroup(string.Empty).AddEndpointFilter<TokenRenewal>();
        buyerEndpoints.MapPost(CreatePath, CreateAsync)
            .RequireRateLimiting(CreateOrderRateLimit.PolicyName)
            .WithName("CreateOrder")
            .WithSummary("Create a pending-payment order (AnQiCMS compatible)")
            .WithDescription("Error messages (msg) are English by default and Simplified Chinese with ?lang=zh-CN or an Accept-Language preferring zh; code and data.error are the same in both.")
            .WithMetadata(new RequestBodyDocumentation(typeof(CreateOrderRequest)))
            .Produces<ApiEnvelope>();
        buyerEndpoints.MapGet("/api/order/detail", DetailAsync)
            .WithName("GetOrderDetail")
            .WithSummary("One of the buyer's orders, by order number (order_id) or numeric id (id)")
            .Produces<ApiEnvelope>();
        buyerEndpoints.MapGet("/api/orders", ListAsync)
            .WithName("ListOrders")
            .WithSummary("The buyer's orders, newest first (status, current, pageSize as in AnQiCMS)")
            .Produces<ApiPageEnvelope>();
        buyerEndpoints.MapPost("/api/order/cancel", CancelAsync)
            .WithName("CancelOrder")
            .WithSummary("Cancel an order that is waiting for payment; its stock and coupon use are given back")
            .WithMetadata(new RequestBodyDocumentation(typeof(CancelOrderRequest)))
            .Produces<ApiEnvelope>();
        return routes;
    }

    /// <remarks>
    /// Like <see cref="JsonCommands"/>, with an Idempotency-Key (R55): the key is read with the body,
    /// and a replayed answer says so in a header. A refusal lists the body's unknown members (R5).
    /// </remarks>
    private static async Task<IResult> CreateAsync(HttpContext context, JsonBody json, IMediator mediator, CancellationToken cancellationToken)
    {
        var culture = RequestLanguage.Of(context.Request);
        var body = await json.ReadAsync<CreateOrderRequest>(context.Request, cancellationToken);
        if (body.Failed(out var refused))
        {
            return EnvelopeResults.Failure(refused, culture);
        }

        var command = body.Value.Body.ToCommand();
        var keyHeader = context.Request.Headers[IdempotencyKeyHeader.Name];
        if (keyHeader.Count > 0)
        {
            var key = IdempotencyKeyHeader.Read(keyHeader, CreateRoute, body.Value.Bytes.Span);
            if (key.Failed(out refused))
            {
                return EnvelopeResults.Failure(body.Value.WithUnknownMembers(refused), culture);
            }

            command = command with { Idempotency = key.Value };
        }

        var placed = await mediator.Send(command, cancellationToken);
        if (placed is { IsSuccess: true, Value.Replayed: true })
        {
            context.Response.Headers[IdempotencyKeyHeader.ReplayedName] = "true";
        }

        return EnvelopeResults.From(body.Value.WithUnknownMembers(placed.Select(p => p.Order)), culture);
    }

    private static async Task<IResult> DetailAsync(HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var result = await mediator.Send(new GetOrderDetailQuery(query.FirstOrNull("order_id"), query.FirstOrNull("id")), cancellationToken);
        return EnvelopeResults.From(result, RequestLanguage.Of(context.Request));
    }

    /// <remarks>current and pageSize are read as AnQiCMS reads them: a value that is not an integer counts as absent (R62).</remarks>
    private static async Task<IResult> ListAsync(HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var list = new ListOrdersQuery(query.FirstOrNull("status"), query.IntegerOrNull("current"), query.IntegerOrNull("pageSize"));
        var result = await mediator.Send(list, cancellationToken);
        return EnvelopeResults.FromPage(result, RequestLanguage.Of(context.Request));
    }

    private static Task<IResult> CancelAsync(HttpContext context, JsonBody json, IMediator mediator, CancellationToken cancellationToken) =>
        JsonCommands.SendAsync<CancelOrderRequest, OrderDto>(context, json, mediator, body => body.ToCommand(), cancellationToken);
}
