using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R9: a not_logged_in answer says why in data.reason (missing, invalid, expired), and where a token
/// was sent that R7 does not read in data.token_found_in, while code, msg and data.error stay exactly
/// those of every other not_logged_in answer.
/// </summary>
public sealed class NotLoggedInReasonTests(OrderPlatformApiFactory factory) : IClassFixture<OrderPlatformApiFactory>
{
    private const string Body = """{"goods_id":188,"quantity":1}""";

    [Fact]
    public async Task R9_no_token_anywhere_is_reason_missing_and_nothing_more()
    {
        using var client = factory.CreateClient();

        var refused = await CreateAsync(client);

        AssertNotLoggedIn(refused, "missing");
        Assert.Equal("error,field,reason", MembersOf(refused.Data));
    }

    [Theory]
    [InlineData("token header")]
    [InlineData("bearer")]
    [InlineData("cookie")]
    public async Task R9_a_malformed_token_wherever_it_is_found_is_reason_invalid(string carrier)
    {
        using var client = Carrying(carrier, "not-a-token");

        AssertNotLoggedIn(await CreateAsync(client), "invalid");
    }

    [Fact]
    public async Task R9_a_token_with_a_tampered_signature_is_reason_invalid_not_expired()
    {
        var genuine = factory.TokenFor(1000, TimeSpan.FromHours(-1));
        using var client = Carrying("token header", genuine[..^2] + (genuine[^2] == 'A' ? "BA" : "AA"));

        AssertNotLoggedIn(await CreateAsync(client), "invalid");
    }

    [Theory]
    [InlineData("token header")]
    [InlineData("bearer")]
    [InlineData("cookie")]
    public async Task R9_a_genuine_token_past_its_expiry_is_reason_expired(string carrier)
    {
        using var client = Carrying(carrier, factory.TokenFor(1000, TimeSpan.FromMinutes(-1)));

        var refused = await CreateAsync(client);

        AssertNotLoggedIn(refused, "expired");
        Assert.Equal("error,field,reason", MembersOf(refused.Data));
    }

    [Fact]
    public async Task R9_a_genuine_current_token_of_a_user_that_does_not_exist_is_reason_invalid()
    {
        using var client = factory.ClientFor(424242);

        AssertNotLoggedIn(await CreateAsync(client), "invalid");
    }

    [Fact]
    public async Task R7_R9_a_token_sent_only_in_the_query_string_is_not_read_and_the_answer_says_where_it_was()
    {
        using var client = factory.CreateClient();

        var refused = await CreateAsync(client, "?token=" + factory.TokenFor(1000));

        AssertNotLoggedIn(refused, "missing");
        Assert.Equal("query_string", refused.Data.GetProperty("token_found_in").GetString());
        Assert.Equal("error,field,reason,token_found_in", MembersOf(refused.Data));
    }

    [Fact]
    public async Task R7_R9_a_query_string_token_is_not_mentioned_when_a_token_was_found_where_R7_looks()
    {
        using var client = Carrying("token header", "not-a-token");

        var refused = await CreateAsync(client, "?token=" + factory.TokenFor(1000));

        AssertNotLoggedIn(refused, "invalid");
        Assert.False(refused.Data.TryGetProperty("token_found_in", out _));
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("bearer ")]
    public async Task R7_R9_a_token_header_spelt_like_authorization_is_reason_invalid_and_the_answer_says_so(string prefix)
    {
        using var client = Carrying("token header", prefix + factory.TokenFor(1000));

        var refused = await CreateAsync(client);

        AssertNotLoggedIn(refused, "invalid");
        Assert.Equal("token_header_with_bearer_prefix", refused.Data.GetProperty("token_found_in").GetString());
        Assert.Equal("error,field,reason,token_found_in", MembersOf(refused.Data));
    }

    [Fact]
    public async Task R6_R9_the_reason_is_the_same_in_chinese_and_only_msg_follows_the_language()
    {
        using var client = factory.CreateClient();

        var refused = await CreateAsync(client, "?lang=zh-CN");

        Assert.Equal((1001, "请先登录", "not_logged_in", "missing"), (refused.Code, refused.Msg, refused.Error, refused.Data.GetProperty("reason").GetString()));
    }

    [Theory]
    [InlineData("/api/order/detail?order_id=202601010000000001")]
    [InlineData("/api/orders")]
    public async Task R61_R62_reads_say_why_as_well(string path)
    {
        using var client = Carrying("token header", factory.TokenFor(1000, TimeSpan.FromMinutes(-1)));

        using var response = await client.GetAsync(path);

        AssertNotLoggedIn(await Envelope.ReadAsync(response), "expired");
    }

    [Fact]
    public async Task R63_cancel_says_why_as_well()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/order/cancel?token=x", OrderPlatformApiFactory.Json("""{"order_id":"202601010000000001"}"""));
        var refused = await Envelope.ReadAsync(response);

        AssertNotLoggedIn(refused, "missing");
        Assert.Equal("query_string", refused.Data.GetProperty("token_found_in").GetString());
    }

    [Fact]
    public async Task R10_a_disabled_account_gets_1002_without_a_reason()
    {
        using var client = factory.ClientFor(1001);

        var refused = await CreateAsync(client);

        Assert.Equal((1002, "not_authorized"), (refused.Code, refused.Error));
        Assert.Equal("error,field", MembersOf(refused.Data));
    }

    private static void AssertNotLoggedIn(Envelope refused, string reason)
    {
        Assert.True(refused.Code == 1001, refused.Root.ToString());
        Assert.Equal("Please log in", refused.Msg);
        Assert.Equal("not_logged_in", refused.Error);
        Assert.Null(refused.Field);
        Assert.Equal(reason, refused.Data.GetProperty("reason").GetString());
    }

    private static string MembersOf(JsonElement data) =>
        string.Join(',', data.EnumerateObject().Select(member => member.Name).Order(StringComparer.Ordinal));

    private static async Task<Envelope> CreateAsync(HttpClient client, string query = "")
    {
        using var response = await client.PostAsync("/api/order/create" + query, OrderPlatformApiFactory.Json(Body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Envelope.ReadAsync(response);
    }

    private HttpClient Carrying(string carrier, string token)
    {
        var client = factory.CreateClient();
        switch (carrier)
        {
            case "token header":
                client.DefaultRequestHeaders.TryAddWithoutValidation("token", token);
                break;
            case "bearer":
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                break;
            case "cookie":
                client.DefaultRequestHeaders.TryAddWithoutValidation("Cookie", "token=" + token);
                break;
            default:
                client.Dispose();
                throw new ArgumentOutOfRangeException(nameof(carrier), carrier, "Unknown carrier.");
        }

        return client;
    }
}
