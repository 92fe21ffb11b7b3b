namespace OrderPlatform.Api.FunctionalTests;

/// <summary>R63 and R5 over HTTP: a cancel body that names no well-formed order number is refused before any order is looked at, and writes nothing.</summary>
public sealed class CancelRequestTests(OrderPlatformApiFactory factory) : IClassFixture<OrderPlatformApiFactory>
{
    [Theory]
    [InlineData("{}")]
    [InlineData("""{"order_id":""}""")]
    [InlineData("""{"order_id":null}""")]
    [InlineData("""{"order_id":"abc"}""")]
    [InlineData("""{"order_id":" 2026113015000001"}""")]
    [InlineData("""{"order_id":"-2026113015000001"}""")]
    [InlineData("""{"order_id":"123456789012345678901234567890123"}""")]
    public async Task R63_a_missing_empty_or_malformed_order_id_is_invalid_order_id(string body)
    {
        await factory.PlaceAsync("""{"goods_id":188}""");
        var before = await DatabaseState.ReadAsync(factory.Services);

        var refused = await factory.CancelAsync(body);

        Assert.Equal((-1, "invalid_order_id", "order_id"), (refused.Code, refused.Error, refused.Field));
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
    }

    [Theory]
    [InlineData("""{"order_id":5}""", "order_id")]
    [InlineData("""{"order_id":2026113015000001}""", "order_id")]
    [InlineData("""{"order_id":["2026113015000001"]}""", "order_id")]
    [InlineData("""{"order_id":true}""", "order_id")]
    [InlineData("", null)]
    [InlineData("{\"order_id\":\"", null)]
    public async Task R5_R63_an_order_id_of_the_wrong_json_type_or_an_unreadable_body_is_invalid_json(string body, string? field)
    {
        var before = await DatabaseState.ReadAsync(factory.Services);

        var refused = await factory.CancelAsync(body);

        Assert.Equal((-1, "invalid_json"), (refused.Code, refused.Error));
        Assert.Equal(field, refused.Field);
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
    }

    [Fact]
    public async Task R5_R63_a_number_for_order_id_is_told_to_be_a_string()
    {
        var refused = await factory.CancelAsync("""{"order_id":5}""");

        Assert.Equal("order_id must be a string", refused.Msg);
        Assert.Equal("a string", refused.Data.GetProperty("expected").GetString());
    }

    [Fact]
    public async Task R63_R9_an_anonymous_caller_is_1001_and_nothing_is_cancelled()
    {
        var placed = await factory.PlaceAsync("""{"goods_id":188}""");

        var refused = await factory.CancelAsync(placed, userId: null);

        Assert.Equal((1001, "not_logged_in"), (refused.Code, refused.Error));
        Assert.Equal(0, (await factory.DetailAsync(placed)).Data.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task R1_R63_a_cancel_not_sent_as_json_is_unsupported_media_type_even_with_the_token_cookie()
    {
        // A cross-site form can send text/plain with the buyer's cookie; it must not cancel anything.
        var placed = await factory.PlaceAsync("""{"goods_id":188}""");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", "token=" + factory.TokenFor(1000));
        using var content = new StringContent($$"""{"order_id":"{{OrderSession.NumberOf(placed)}}"}""", System.Text.Encoding.UTF8, "text/plain");

        using var response = await client.PostAsync("/api/order/cancel", content);
        var refused = await Envelope.ReadAsync(response);

        Assert.Equal((-1, "unsupported_media_type"), (refused.Code, refused.Error));
        Assert.Equal(0, (await factory.DetailAsync(placed)).Data.GetProperty("status").GetInt32());
    }
}
