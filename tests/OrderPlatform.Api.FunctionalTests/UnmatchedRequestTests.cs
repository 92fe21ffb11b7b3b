using System.Net;
using System.Text.Json;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R3: a request that names no endpoint gets the envelope too, with its own HTTP status: an unknown
/// path is 404 not_found, a known path with another method 405 method_not_allowed with Allow kept.
/// </summary>
public sealed class UnmatchedRequestTests(OrderPlatformApiFactory factory) : IClassFixture<OrderPlatformApiFactory>
{
    [Theory]
    [InlineData("GET", "/api/order/creat")]
    [InlineData("POST", "/api/orders/create")]
    [InlineData("GET", "/")]
    [InlineData("DELETE", "/api/nothing/here?lang=en")]
    public async Task R3_an_unknown_path_is_http_404_with_the_envelope_not_found(string method, string path)
    {
        using var client = factory.ClientFor(1000);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await client.SendAsync(request);
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal((-1, "There is no such endpoint", "not_found"), (envelope.Code, envelope.Msg, envelope.Error));
        Assert.Null(envelope.Field);
        Assert.Equal("error,field", MembersOf(envelope.Data));
        Assert.Equal(["code", "data", "msg"], envelope.Root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("GET", "/api/order/create", "POST")]
    [InlineData("PUT", "/api/order/create", "POST")]
    [InlineData("GET", "/api/order/cancel", "POST")]
    [InlineData("POST", "/api/order/detail", "GET")]
    [InlineData("DELETE", "/api/orders", "GET")]
    public async Task R3_a_known_path_with_another_method_is_http_405_with_the_envelope_and_its_allow_header(string method, string path, string allowed)
    {
        using var client = factory.ClientFor(1000);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = OrderPlatformApiFactory.Json("""{"goods_id":188}""") };

        using var response = await client.SendAsync(request);
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal([allowed], response.Content.Headers.Allow);
        Assert.Equal((-1, "This endpoint does not accept this HTTP method", "method_not_allowed"), (envelope.Code, envelope.Msg, envelope.Error));
        Assert.Null(envelope.Field);
        Assert.Equal("error,field", MembersOf(envelope.Data));
    }

    [Fact]
    public async Task R3_R6_the_messages_follow_the_language_and_the_codes_do_not()
    {
        using var client = factory.CreateClient();

        using var notFound = await client.GetAsync("/api/order/creat?lang=zh-CN");
        using var wrongMethod = await client.GetAsync("/api/order/create?lang=zh-CN");

        var unknown = await Envelope.ReadAsync(notFound);
        var refused = await Envelope.ReadAsync(wrongMethod);
        Assert.Equal(("接口不存在", "not_found"), (unknown.Msg, unknown.Error));
        Assert.Equal(("该接口不支持此 HTTP 方法", "method_not_allowed"), (refused.Msg, refused.Error));
    }

    [Fact]
    public async Task R3_an_anonymous_caller_gets_the_same_answers_not_a_login_refusal()
    {
        using var client = factory.CreateClient();

        using var notFound = await client.GetAsync("/api/nothing");
        using var wrongMethod = await client.GetAsync("/api/order/create");

        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (notFound.StatusCode, (await Envelope.ReadAsync(notFound)).Error));
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "method_not_allowed"), (wrongMethod.StatusCode, (await Envelope.ReadAsync(wrongMethod)).Error));
    }

    [Fact]
    public async Task R3_an_endpoint_that_answers_with_a_body_keeps_it()
    {
        using var client = factory.CreateClient();

        using var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.DoesNotContain("not_found", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string MembersOf(JsonElement data) =>
        string.Join(',', data.EnumerateObject().Select(member => member.Name).Order(StringComparer.Ordinal));
}
