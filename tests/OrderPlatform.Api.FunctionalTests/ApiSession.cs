namespace OrderPlatform.Api.FunctionalTests;

/// <summary>Posting create-order requests as a user and reading what comes back, with the before/after check refusals need.</summary>
public static class ApiSession
{
    public static async Task<Envelope> PlaceAsync(this OrderPlatformApiFactory factory, string body, long userId = 1000)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var client = factory.ClientFor(userId);
        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(body));
        var envelope = await Envelope.ReadAsync(response);
        Assert.True(envelope.Code == 0, envelope.Root.ToString());
        return envelope;
    }

    /// <summary>Posts a request that must be refused with code -1 and checks that it wrote nothing.</summary>
    public static async Task<Envelope> RefuseAsync(this OrderPlatformApiFactory factory, string body, long userId = 1000)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var before = await DatabaseState.ReadAsync(factory.Services);
        using var client = factory.ClientFor(userId);
        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(body));
        var envelope = await Envelope.ReadAsync(response);
        Assert.Equal(-1, envelope.Code);
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
        return envelope;
    }
}
