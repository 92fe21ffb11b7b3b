using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R65 over HTTP: only a caller holding a configured service key reaches the payment
/// confirmation; without any key configured the endpoint does not exist; a short key stops the
/// service from starting.
/// </summary>
public sealed class ServiceKeyTests(PaymentServiceApiFactory factory) : IClassFixture<PaymentServiceApiFactory>
{
    [Fact]
    public async Task R65_with_no_key_configured_the_endpoint_answers_404_not_found_as_an_unknown_path()
    {
        using var withoutKeys = new OrderPlatformApiFactory();
        var placed = await withoutKeys.PlaceAsync("""{"goods_id":188}""");
        using var client = withoutKeys.CreateClient();
        client.DefaultRequestHeaders.Add("X-Service-Key", PaymentServiceApiFactory.ServiceKey);

        using var response = await client.PostAsync(
            "/internal/order/paid",
            OrderPlatformApiFactory.Json(PaymentServiceApiFactory.PaidBody(OrderSession.NumberOf(placed), "wx-1", 9900)));
        using var unknownPath = await client.PostAsync("/internal/order/refunded", OrderPlatformApiFactory.Json("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await Envelope.ReadAsync(response)).Error);
        Assert.Equal(unknownPath.StatusCode, response.StatusCode);
        Assert.Equal(await unknownPath.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (await withoutKeys.DetailAsync(placed)).Data.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong")]
    [InlineData(PaymentServiceApiFactory.ServiceKey + "x")]
    [InlineData("payment-service-test-key-of-at-least-32-byte")]
    [InlineData("PAYMENT-SERVICE-TEST-KEY-OF-AT-LEAST-32-BYTES")]
    public async Task R65_a_missing_or_wrong_key_is_http_401_with_1002_invalid_service_key_and_nothing_changes(string? key)
    {
        var placed = await factory.PlaceAsync("""{"goods_id":188}""");

        var (status, refused) = await factory.PostPaidAsync(PaymentServiceApiFactory.PaidBody(OrderSession.NumberOf(placed), "wx-1", 9900), key);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(1002, refused.Code);
        Assert.Equal("invalid_service_key", refused.Error);
        Assert.Equal(JsonValueKind.Null, refused.Data.GetProperty("field").ValueKind);
        Assert.Equal("The service key is missing or not valid", refused.Msg);
        Assert.Equal(0, (await factory.DetailAsync(placed)).Data.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task R65_the_key_is_checked_before_the_body_is_read()
    {
        var (status, refused) = await factory.PostPaidAsync("{not json", key: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal((1002, "invalid_service_key"), (refused.Code, refused.Error));
    }

    [Fact]
    public async Task R65_a_buyer_token_is_no_service_key()
    {
        var placed = await factory.PlaceAsync("""{"goods_id":188}""");
        using var client = factory.ClientFor(1000);

        using var response = await client.PostAsync(
            "/internal/order/paid",
            OrderPlatformApiFactory.Json(PaymentServiceApiFactory.PaidBody(OrderSession.NumberOf(placed), "wx-1", 9900)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_service_key", (await Envelope.ReadAsync(response)).Error);
    }

    [Fact]
    public async Task R65_any_one_of_several_configured_keys_is_accepted()
    {
        const string secondKey = "second-payment-service-key-32-bytes-long";
        using var service = new OrderPlatformApiFactory();
        using var twoKeys = service.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Internal:ServiceKeys:0", PaymentServiceApiFactory.ServiceKey);
            builder.UseSetting("Internal:ServiceKeys:1", secondKey);
        });
        using var client = twoKeys.CreateClient();
        client.DefaultRequestHeaders.Add("X-Service-Key", secondKey);

        using var response = await client.PostAsync(
            "/internal/order/paid",
            OrderPlatformApiFactory.Json(PaymentServiceApiFactory.PaidBody("209901010000009999", "wx-1", 9900)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("order_not_found", (await Envelope.ReadAsync(response)).Error);
    }

    [Fact]
    public void R65_a_configured_key_shorter_than_32_bytes_stops_the_service_from_starting()
    {
        using var service = new OrderPlatformApiFactory();
        using var shortKey = service.WithWebHostBuilder(builder =>
            builder.UseSetting("Internal:ServiceKeys:0", "only-31-bytes-long-service-key!"));

        var refusal = Assert.Throws<OptionsValidationException>(() => shortKey.CreateClient());

        Assert.Contains("Internal:ServiceKeys", refusal.Message, StringComparison.Ordinal);
    }
}
