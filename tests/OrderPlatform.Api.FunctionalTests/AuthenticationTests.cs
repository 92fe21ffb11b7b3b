using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using OrderPlatform.Application.Common.Security;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>R7-R13: who is calling.</summary>
public sealed class AuthenticationTests(OrderPlatformApiFactory factory) : IClassFixture<OrderPlatformApiFactory>
{
    private const string Body = """{"goods_id":188,"quantity":1}""";

    [Fact]
    public async Task R9_no_token_is_1001_with_http_200_and_nothing_written()
    {
        var before = await DatabaseState.ReadAsync(factory.Services);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Body));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1001, envelope.Code);
        Assert.Equal("Please log in", envelope.Msg);
        Assert.Equal("not_logged_in", envelope.Error);
        Assert.Null(envelope.Field);
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJ1c2VySWQiOiIxMDAwIiwidCI6IjQxMDI0NDQ4MDAifQ.")]
    public async Task R9_a_bad_token_is_1001(string token)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("token", token);

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Body));

        Assert.Equal(1001, (await Envelope.ReadAsync(response)).Code);
    }

    [Fact]
    public async Task R9_a_token_of_a_user_that_does_not_exist_is_1001()
    {
        using var client = factory.ClientFor(424242);

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Body));

        Assert.Equal(1001, (await Envelope.ReadAsync(response)).Code);
    }

    [Fact]
    public async Task R10_a_disabled_user_is_1002_and_nothing_is_written()
    {
        var before = await DatabaseState.ReadAsync(factory.Services);
        using var client = factory.ClientFor(1001);

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Body));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(1002, envelope.Code);
        Assert.Equal("not_authorized", envelope.Error);
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
    }

    [Theory]
    [InlineData(1001, "{\"goods_id\":188,\"quantity\":-1}", 1002)]
    [InlineData(424242, "{}", 1001)]
    public async Task R9_R10_who_is_calling_is_decided_before_the_request_is_validated(long userId, string body, int code)
    {
        using var client = factory.ClientFor(userId);

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(body));

        Assert.Equal(code, (await Envelope.ReadAsync(response)).Code);
    }

    [Fact]
    public async Task R7_a_bearer_token_is_accepted()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", factory.TokenFor(1000));

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Body));

        Assert.Equal(0, (await Envelope.ReadAsync(response)).Code);
    }

    [Fact]
    public async Task R7_a_token_cookie_is_accepted()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", "token=" + factory.TokenFor(1000));

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Body));

        Assert.Equal(0, (await Envelope.ReadAsync(response)).Code);
    }

    [Fact]
    public async Task R12_the_buyer_is_the_token_user_whatever_the_body_says()
    {
        using var client = factory.ClientFor(1000);

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json("""{"goods_id":188,"user_id":2001}"""));

        Assert.Equal(1000, (await Envelope.ReadAsync(response)).Data.GetProperty("user_id").GetInt64());
    }

    [Fact]
    public void R12_over_http_the_user_comes_from_the_token_and_cannot_be_named_in_process()
    {
        Assert.Throws<InvalidOperationException>(() => factory.Services.CreateScopeFor(1000));
    }

    [Theory]
    [InlineData(1001, 1002)]
    [InlineData(424242, 1001)]
    public async Task R11_a_disabled_or_deleted_user_gets_no_fresh_token(long userId, int code)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("token", factory.TokenFor(userId, TimeSpan.FromMinutes(20)));

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Body));

        Assert.Equal(code, (await Envelope.ReadAsync(response)).Code);
        Assert.False(response.Headers.Contains("update-token"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("only-31-bytes-long-secret-value")]
    public void R13_the_service_refuses_to_start_without_a_token_secret_of_32_bytes(string secret)
    {
        using var production = factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Auth:TokenSecret", secret);
        });

        var refusal = Assert.Throws<OptionsValidationException>(() => production.CreateClient());

        Assert.Contains("Auth:TokenSecret", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R11_a_token_with_less_than_an_hour_left_gets_a_fresh_one_in_update_token()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("token", factory.TokenFor(1000, TimeSpan.FromMinutes(20)));

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Body));

        Assert.True(response.Headers.TryGetValues("update-token", out var values));
        using var renewed = factory.CreateClient();
        renewed.DefaultRequestHeaders.Add("token", values.Single());
        using var again = await renewed.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Body));
        Assert.Equal(0, (await Envelope.ReadAsync(again)).Code);
        Assert.False(again.Headers.Contains("update-token"));
    }
}
