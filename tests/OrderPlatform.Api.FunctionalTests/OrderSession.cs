using System.Net;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>What a storefront does with an order once it is placed (R61-R63): read it, list the buyer's orders, cancel it.</summary>
public static class OrderSession
{
    /// <summary>The order number of an order as the create (or any order) answer gave it.</summary>
    public static string NumberOf(Envelope order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Data.GetProperty("order_id").GetString()!;
    }

    public static long IdOf(Envelope order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Data.GetProperty("id").GetInt64();
    }

    /// <summary>GET as the user (anonymous when null); the buyer endpoints answer every envelope with HTTP 200 (R3).</summary>
    public static async Task<Envelope> GetAsync(this OrderPlatformApiFactory factory, string path, long? userId = 1000)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var client = userId is { } id ? factory.ClientFor(id) : factory.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Envelope.ReadAsync(response);
    }

    public static Task<Envelope> DetailAsync(this OrderPlatformApiFactory factory, string query, long? userId = 1000) =>
        factory.GetAsync("/api/order/detail?" + query, userId);

    public static Task<Envelope> DetailAsync(this OrderPlatformApiFactory factory, Envelope order, long? userId = 1000) =>
        factory.DetailAsync("order_id=" + NumberOf(order), userId);

    public static Task<Envelope> ListAsync(this OrderPlatformApiFactory factory, string query = "", long? userId = 1000) =>
        factory.GetAsync("/api/orders?" + query, userId);

    public static async Task<Envelope> CancelAsync(this OrderPlatformApiFactory factory, string body, long? userId = 1000)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var client = userId is { } id ? factory.ClientFor(id) : factory.CreateClient();
        using var response = await client.PostAsync("/api/order/cancel", OrderPlatformApiFactory.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Envelope.ReadAsync(response);
    }

    public static Task<Envelope> CancelAsync(this OrderPlatformApiFactory factory, Envelope order, long? userId = 1000) =>
        factory.CancelAsync($$"""{"order_id":"{{NumberOf(order)}}"}""", userId);

    /// <summary>The ids of a list answer's orders, in the order it gave them.</summary>
    public static long[] IdsIn(Envelope list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Data.EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToArray();
    }

    public static long TotalOf(Envelope list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Root.GetProperty("total").GetInt64();
    }
}
