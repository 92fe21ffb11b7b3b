namespace OrderPlatform.Api.FunctionalTests;

/// <summary>R3, R60: a request that names no endpoint is logged with its outcome code like every refusal.</summary>
[Collection(LogReading.Name)]
public sealed class UnmatchedRequestLoggingTests
{
    [Fact]
    public async Task R3_R60_unknown_paths_and_wrong_methods_name_their_outcome_on_the_request_line()
    {
        using var factory = new PaymentServiceApiFactory();
        using var client = factory.CreateClient();

        using var notFound = await client.GetAsync("/api/order/creat");
        using var wrongMethod = await client.GetAsync("/api/order/create");

        Assert.True(await factory.Logs.WaitForAsync(line => line.Contains("GET /api/order/creat responded 404 not_found", StringComparison.Ordinal)));
        Assert.True(await factory.Logs.WaitForAsync(line => line.Contains("GET /api/order/create responded 405 method_not_allowed", StringComparison.Ordinal)));
    }
}
