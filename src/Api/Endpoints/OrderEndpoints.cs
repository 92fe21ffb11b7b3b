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
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder routes)
    {
        var buyerEndpoints = routes.MapGroup(string.Empty).AddEndpointFilter<TokenRenewal>();
        buyerEndpoints.MapPost("/api/order/create", CreateAsync)
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

    private static Task<IResult> CreateAsync(HttpContext context, JsonBody json, IMediator mediator, CancellationToken cancellationToken) =>
        JsonCommands.SendAsync<CreateOrderRequest, OrderDto>(context, json, mediator, body => body.ToCommand(), cancellationToken);

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
