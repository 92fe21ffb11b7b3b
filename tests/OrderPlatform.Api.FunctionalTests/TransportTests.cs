using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>R1-R5: content type, size limit, JSON errors and the 500 envelope.</summary>
public sealed class TransportTests(OrderPlatformApiFactory factory) : IClassFixture<OrderPlatformApiFactory>
{
    [Theory]
    [InlineData("{\"goods_id\": 188,", null, "The request body is not valid JSON")]
    [InlineData("", null, "The request body is empty")]
    [InlineData("[1, 2]", null, "The request body must be a JSON object")]
    [InlineData("{\"goods_id\": \"5\"}", "goods_id", "goods_id must be an integer")]
    [InlineData("{\"goods_id\": 1.5}", "goods_id", "goods_id must be an integer")]
    [InlineData("{\"goods_id\": true}", "goods_id", "goods_id must be an integer")]
    [InlineData("{\"remark\": 7, \"goods_id\": 188}", "remark", "remark must be a string")]
    [InlineData("{\"details\": [{\"goods_id\": 1, \"quantity\": 1.5}]}", "details[0].quantity", "details[0].quantity must be an integer")]
    [InlineData("{\"cart_ids\": 3}", "cart_ids", "cart_ids must be an array")]
    public async Task R5_malformed_or_mistyped_json_is_invalid_json_with_the_field_named(string body, string? field, string message)
    {
        var before = await DatabaseState.ReadAsync(factory.Services);
        using var client = factory.ClientFor(1000);

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(body));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(-1, envelope.Code);
        Assert.Equal("invalid_json", envelope.Error);
        Assert.Equal(field, envelope.Field);
        Assert.Equal(message, envelope.Msg);
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
    }

    [Fact]
    public async Task R5_R20_unknown_and_response_only_members_are_ignored()
    {
        using var client = factory.ClientFor(1000);

        using var response = await client.PostAsync(
            "/api/order/create",
            OrderPlatformApiFactory.Json("""{"goods_id":188,"user_id":15,"amount":1,"status":3,"order_id":"x","colour":"red"}"""));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(0, envelope.Code);
        Assert.Equal(1000, envelope.Data.GetProperty("user_id").GetInt64());
        Assert.Equal(9900, envelope.Data.GetProperty("amount").GetInt64());
        Assert.Equal(0, envelope.Data.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task R1_only_json_content_is_accepted(string? contentType)
    {
        var before = await DatabaseState.ReadAsync(factory.Services);
        using var client = factory.ClientFor(1000);
        using var content = new StringContent("""{"goods_id":188}""", Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        using var response = await client.PostAsync("/api/order/create", content);
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unsupported_media_type", envelope.Error);
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
    }

    [Fact]
    public async Task R1_a_charset_parameter_is_fine()
    {
        using var client = factory.ClientFor(1000);
        using var content = new StringContent("""{"goods_id":188}""", Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

        using var response = await client.PostAsync("/api/order/create", content);

        Assert.Equal(0, (await Envelope.ReadAsync(response)).Code);
    }

    [Fact]
    public async Task R4_a_body_over_64_KiB_is_413_with_the_envelope()
    {
        var before = await DatabaseState.ReadAsync(factory.Services);
        using var client = factory.ClientFor(1000);
        var body = "{\"goods_id\":188,\"remark\":\"" + new string('x', 70 * 1024) + "\"}";

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(body));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(-1, envelope.Code);
        Assert.Equal("payload_too_large", envelope.Error);
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
    }

    [Fact]
    public async Task R3_an_unexpected_fault_is_a_500_envelope_with_a_trace_id_and_no_exception_text()
    {
        using var faulty = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<ICatalog, ExplodingCatalog>()));
        using var client = faulty.CreateClient();
        client.DefaultRequestHeaders.Add("token", factory.TokenFor(1000));

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json("""{"goods_id":188}"""));
        var text = await response.Content.ReadAsStringAsync();
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(-1, envelope.Code);
        Assert.Equal("Internal error", envelope.Msg);
        Assert.Equal("internal_error", envelope.Error);
        Assert.False(string.IsNullOrEmpty(envelope.Data.GetProperty("trace_id").GetString()));
        Assert.DoesNotContain(ExplodingCatalog.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_endpoint_answers_when_the_database_does()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task In_Development_the_OpenAPI_document_describes_the_create_order_body_in_snake_case()
    {
        using var development = factory.WithWebHostBuilder(builder => builder.UseEnvironment("Development"));
        using var client = development.CreateClient();

        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var reference = document.RootElement.GetProperty("paths").GetProperty("/api/order/create").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.Equal("#/components/schemas/CreateOrderRequest", reference);
        var body = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("CreateOrderRequest");
        Assert.True(body.GetProperty("properties").TryGetProperty("goods_sku_id", out _));
        Assert.True(body.GetProperty("properties").TryGetProperty("cart_ids", out _));
    }

    private sealed class ExplodingCatalog : ICatalog
    {
        public const string Secret = "connection string with password=hunter2";

        public Task<IReadOnlyDictionary<long, CatalogProduct>> FindPublishedAsync(IReadOnlyCollection<long> goodsIds, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}
