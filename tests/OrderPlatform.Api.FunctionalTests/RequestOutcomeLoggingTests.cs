namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R60: every request's log line names its outcome, refusals at the edge included, so that a
/// request refused for its media type, its body or a missing login never reads like a success.
/// </summary>
[Collection(LogReading.Name)]
public sealed class RequestOutcomeLoggingTests
{
    [Fact]
    public async Task R60_each_request_line_names_its_outcome_code_or_ok()
    {
        using var factory = new PaymentServiceApiFactory();
        using var anonymous = factory.CreateClient();
        using var buyer = factory.ClientFor(1000);

        using var notJson = await buyer.PostAsync("/api/order/create", new StringContent("goods_id=188"));
        using var notLoggedIn = await anonymous.PostAsync("/api/order/create", OrderPlatformApiFactory.Json("""{"goods_id":188}"""));
        using var brokenJson = await buyer.PostAsync("/api/order/create", OrderPlatformApiFactory.Json("""{"goods_id":"""));
        using var placed = await buyer.PostAsync("/api/order/create", OrderPlatformApiFactory.Json("""{"goods_id":188}"""));
        using var listed = await buyer.GetAsync("/api/orders");

        Assert.True(await factory.Logs.WaitForAsync(line => line.Contains("POST /api/order/create responded 200 unsupported_media_type", StringComparison.Ordinal)));
        Assert.True(await factory.Logs.WaitForAsync(line => line.Contains("POST /api/order/create responded 200 not_logged_in", StringComparison.Ordinal)));
        Assert.True(await factory.Logs.WaitForAsync(line => line.Contains("POST /api/order/create responded 200 invalid_json", StringComparison.Ordinal)));
        Assert.True(await factory.Logs.WaitForAsync(line => line.Contains("POST /api/order/create responded 200 ok", StringComparison.Ordinal)));
        Assert.True(await factory.Logs.WaitForAsync(line => line.Contains("GET /api/orders responded 200 ok", StringComparison.Ordinal)));
    }
}
