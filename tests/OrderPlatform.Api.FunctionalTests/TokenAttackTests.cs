using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderPlatform.Infrastructure.Auth;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R7-R10 against forged tokens: each one rides on a body that would place an order, and must be
/// answered exactly as "not logged in" (or "not authorized" for a disabled account), with HTTP 200,
/// no fresh token and nothing written. The tokens are built here, independently of the service's
/// own token code, so a mistake shared by both could not hide.
/// </summary>
public sealed class TokenAttackTests(OrderPlatformApiFactory factory) : IClassFixture<OrderPlatformApiFactory>
{
    private const string Body = """{"goods_id":188,"quantity":1}""";
    private const string Hs256Header = """{"alg":"HS256","typ":"JWT"}""";
    private const string KeySuffix = "-user-token";

    // The secret the repository publishes for Development (appsettings.Development.json): anyone can sign with it.
    private const string PublishedDevelopmentSecret = "orderplatform-development-secret-do-not-use-in-production";

    private static readonly long Tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds();
    private static readonly long AMinuteAgo = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();

    /// <summary>Where the request carries the token (R7).</summary>
    public enum Carrier
    {
        TokenHeader,
        Bearer,
        Cookie,
    }

    private byte[] SiteKey => Encoding.UTF8.GetBytes(SiteSecret + KeySuffix);

    private string SiteSecret => factory.Services.GetRequiredService<IOptions<AuthOptions>>().Value.TokenSecret;

    [Theory]
    [InlineData("userId as a string, t as a string")]
    [InlineData("userId as a number, t as a number")]
    [InlineData("sub and exp instead of userId and t")]
    public async Task R8_a_token_built_here_with_the_site_key_places_the_order(string shape)
    {
        // Without this, a forging helper that got the format wrong would make every refusal below pass for nothing.
        var token = HmacSha256(Hs256Header, PayloadOf(shape, DemoData.BuyerId), SiteKey);
        using var client = ClientCarrying(Carrier.TokenHeader, token);

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Body));
        var envelope = await Envelope.ReadAsync(response);

        Assert.True(envelope.Code == 0, envelope.Root.ToString());
        Assert.Equal(DemoData.BuyerId, envelope.Data.GetProperty("user_id").GetInt64());
    }

    [Theory]
    [InlineData("alg none, empty signature")]
    [InlineData("alg None, empty signature")]
    [InlineData("alg none, signed with the site key")]
    [InlineData("no alg, signed with the site key")]
    [InlineData("alg hs256 in lower case, signed with the site key")]
    [InlineData("HS512 signed with the site key")]
    [InlineData("HS384 signed with the site key")]
    [InlineData("RS256 header with an HMAC-SHA256 signature by the site key")]
    [InlineData("HS256 with a wrong key")]
    [InlineData("HS256 with the site secret without its suffix")]
    [InlineData("HS256 with the suffix alone as the key")]
    [InlineData("HS256 with the published development secret")]
    [InlineData("t in the past, as a string")]
    [InlineData("t in the past, as a number")]
    [InlineData("exp in the past, no t")]
    [InlineData("t in the past, exp in the future")]
    [InlineData("t not a number, no exp")]
    [InlineData("t a fraction, no exp")]
    [InlineData("t with a leading space, no exp")]
    [InlineData("t negative")]
    [InlineData("no expiry at all")]
    [InlineData("no user id")]
    [InlineData("user id 0")]
    [InlineData("sub 0")]
    [InlineData("user id -1000 as a number")]
    [InlineData("user id -1000 as a string")]
    [InlineData("user id long max")]
    [InlineData("user id above long max as a string")]
    [InlineData("user id above long max as a number")]
    [InlineData("user id an array")]
    [InlineData("payload not JSON, signed with the site key")]
    [InlineData("user id changed after signing")]
    [InlineData("expiry extended after signing")]
    [InlineData("header changed after signing")]
    [InlineData("signature stripped, trailing dot kept")]
    [InlineData("signature stripped, two parts")]
    [InlineData("a fourth part appended")]
    [InlineData("a real token with padding added to its signature")]
    [InlineData("a real token with a space inside its signature")]
    [InlineData("a real token with padding added to its payload")]
    public async Task R8_R9_a_forged_token_is_not_logged_in_and_places_nothing(string attack)
    {
        await AssertRefusedAsync(ClientCarrying(Carrier.TokenHeader, Forge(attack)), 1001, "not_logged_in", "Please log in");
    }

    [Theory]
    [InlineData(Carrier.Bearer, "alg none, empty signature")]
    [InlineData(Carrier.Cookie, "alg none, empty signature")]
    [InlineData(Carrier.Bearer, "user id changed after signing")]
    [InlineData(Carrier.Cookie, "user id changed after signing")]
    [InlineData(Carrier.Bearer, "HS256 with the site secret without its suffix")]
    [InlineData(Carrier.Cookie, "HS512 signed with the site key")]
    public async Task R7_R9_a_forged_token_as_bearer_or_cookie_is_not_logged_in_either(Carrier carrier, string attack)
    {
        await AssertRefusedAsync(ClientCarrying(carrier, Forge(attack)), 1001, "not_logged_in", "Please log in");
    }

    [Theory]
    [InlineData(Carrier.Bearer)]
    [InlineData(Carrier.Cookie)]
    public async Task R7_a_forged_token_header_is_not_rescued_by_a_genuine_token_further_down_the_order(Carrier fallback)
    {
        // R7 takes the first token found; a forged one there must not fall through to a genuine one behind it.
        var client = ClientCarrying(Carrier.TokenHeader, Forge("alg none, empty signature"));
        Carry(client, fallback, factory.TokenFor(DemoData.BuyerId));

        await AssertRefusedAsync(client, 1001, "not_logged_in", "Please log in");
    }

    [Theory]
    [InlineData("userId as a string, t as a string", Carrier.TokenHeader)]
    [InlineData("userId as a number, t as a number", Carrier.TokenHeader)]
    [InlineData("sub and exp instead of userId and t", Carrier.TokenHeader)]
    [InlineData("userId as a string, t as a string", Carrier.Bearer)]
    [InlineData("userId as a string, t as a string", Carrier.Cookie)]
    public async Task R10_a_genuinely_signed_token_of_the_disabled_user_is_not_authorized_and_places_nothing(string shape, Carrier carrier)
    {
        var token = HmacSha256(Hs256Header, PayloadOf(shape, DemoData.DisabledUserId), SiteKey);

        await AssertRefusedAsync(ClientCarrying(carrier, token), 1002, "not_authorized", "Your account is not allowed to do this");
    }

    private static string PayloadOf(string shape, long userId) => shape switch
    {
        "userId as a string, t as a string" => $$"""{"userId":"{{userId}}","t":"{{Tomorrow}}"}""",
        "userId as a number, t as a number" => $$"""{"userId":{{userId}},"t":{{Tomorrow}}}""",
        "sub and exp instead of userId and t" => $$"""{"sub":"{{userId}}","exp":{{Tomorrow}}}""",
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Unknown payload shape."),
    };

    private string Forge(string attack)
    {
        var buyer = PayloadOf("userId as a string, t as a string", DemoData.BuyerId);
        return attack switch
        {
            "alg none, empty signature" => Encode("""{"alg":"none","typ":"JWT"}""") + "." + Encode(buyer) + ".",
            "alg None, empty signature" => Encode("""{"alg":"None","typ":"JWT"}""") + "." + Encode(buyer) + ".",
            "alg none, signed with the site key" => HmacSha256("""{"alg":"none","typ":"JWT"}""", buyer, SiteKey),
            "no alg, signed with the site key" => HmacSha256("""{"typ":"JWT"}""", buyer, SiteKey),
            "alg hs256 in lower case, signed with the site key" => HmacSha256("""{"alg":"hs256","typ":"JWT"}""", buyer, SiteKey),
            "HS512 signed with the site key" => Signed("""{"alg":"HS512","typ":"JWT"}""", buyer, input => HMACSHA512.HashData(SiteKey, input)),
            "HS384 signed with the site key" => Signed("""{"alg":"HS384","typ":"JWT"}""", buyer, input => HMACSHA384.HashData(SiteKey, input)),
            "RS256 header with an HMAC-SHA256 signature by the site key" => HmacSha256("""{"alg":"RS256","typ":"JWT"}""", buyer, SiteKey),
            "HS256 with a wrong key" => HmacSha256(Hs256Header, buyer, Encoding.UTF8.GetBytes("not-the-site-secret-but-as-long-as-one" + KeySuffix)),
            "HS256 with the site secret without its suffix" => HmacSha256(Hs256Header, buyer, Encoding.UTF8.GetBytes(SiteSecret)),
            "HS256 with the suffix alone as the key" => HmacSha256(Hs256Header, buyer, Encoding.UTF8.GetBytes(KeySuffix)),
            "HS256 with the published development secret" => HmacSha256(Hs256Header, buyer, Encoding.UTF8.GetBytes(PublishedDevelopmentSecret + KeySuffix)),
            "t in the past, as a string" => SignedFor($$"""{"userId":"1000","t":"{{AMinuteAgo}}"}"""),
            "t in the past, as a number" => SignedFor($$"""{"userId":"1000","t":{{AMinuteAgo}}}"""),
            "exp in the past, no t" => SignedFor($$"""{"userId":"1000","exp":{{AMinuteAgo}}}"""),
            "t in the past, exp in the future" => SignedFor($$"""{"userId":"1000","t":{{AMinuteAgo}},"exp":{{Tomorrow}}}"""),
            "t not a number, no exp" => SignedFor("""{"userId":"1000","t":"tomorrow"}"""),
            "t a fraction, no exp" => SignedFor($$"""{"userId":"1000","t":{{Tomorrow}}.5}"""),
            "t with a leading space, no exp" => SignedFor($$"""{"userId":"1000","t":" {{Tomorrow}}"}"""),
            "t negative" => SignedFor($$"""{"userId":"1000","t":-{{Tomorrow}}}"""),
            "no expiry at all" => SignedFor("""{"userId":"1000"}"""),
            "no user id" => SignedFor($$"""{"t":"{{Tomorrow}}"}"""),
            "user id 0" => SignedFor($$"""{"userId":"0","t":"{{Tomorrow}}"}"""),
            "sub 0" => SignedFor($$"""{"sub":0,"t":"{{Tomorrow}}"}"""),
            "user id -1000 as a number" => SignedFor($$"""{"userId":-1000,"t":"{{Tomorrow}}"}"""),
            "user id -1000 as a string" => SignedFor($$"""{"userId":"-1000","t":"{{Tomorrow}}"}"""),
            "user id long max" => SignedFor($$"""{"userId":"{{long.MaxValue}}","t":"{{Tomorrow}}"}"""),
            "user id above long max as a string" => SignedFor($$"""{"userId":"9223372036854775808","t":"{{Tomorrow}}"}"""),
            "user id above long max as a number" => SignedFor($$"""{"userId":99999999999999999999999,"t":"{{Tomorrow}}"}"""),
            "user id an array" => SignedFor($$"""{"userId":[1000],"t":"{{Tomorrow}}"}"""),
            "payload not JSON, signed with the site key" => SignedFor("userId=1000"),
            "user id changed after signing" => Tampered(factory.TokenFor(DemoData.ReferredBuyerId), payload => payload["userId"] = "1000"),
            "expiry extended after signing" => Tampered(
                factory.TokenFor(DemoData.BuyerId, TimeSpan.FromMinutes(-1)), payload => payload["t"] = Tomorrow.ToString(CultureInfo.InvariantCulture)),
            "header changed after signing" => ReplacePart(factory.TokenFor(DemoData.BuyerId), 0, Encode("""{"alg":"HS256","typ":"JWT","kid":"1"}""")),
            "signature stripped, trailing dot kept" => StripSignature(factory.TokenFor(DemoData.BuyerId)) + ".",
            "signature stripped, two parts" => StripSignature(factory.TokenFor(DemoData.BuyerId)),
            "a fourth part appended" => factory.TokenFor(DemoData.BuyerId) + "." + Encode("{}"),
            "a real token with padding added to its signature" => factory.TokenFor(DemoData.BuyerId) + "=",
            "a real token with a space inside its signature" => factory.TokenFor(DemoData.BuyerId).Insert(factory.TokenFor(DemoData.BuyerId).LastIndexOf('.') + 10, " "),
            "a real token with padding added to its payload" => ReplacePart(factory.TokenFor(DemoData.BuyerId), 1, factory.TokenFor(DemoData.BuyerId).Split('.')[1] + "="),
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, "Unknown attack."),
        };
    }

    private string SignedFor(string payload) => HmacSha256(Hs256Header, payload, SiteKey);

    private static string HmacSha256(string header, string payload, byte[] key) => Signed(header, payload, input => HMACSHA256.HashData(key, input));

    private static string Signed(string header, string payload, Func<byte[], byte[]> sign)
    {
        var signingInput = Encode(header) + "." + Encode(payload);
        return signingInput + "." + Encode(sign(Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>The genuine token with its payload edited and its header and signature kept as they were.</summary>
    private static string Tampered(string genuine, Action<JsonObject> edit)
    {
        var payload = JsonNode.Parse(Decode(genuine.Split('.')[1]))!.AsObject();
        edit(payload);
        return ReplacePart(genuine, 1, Encode(payload.ToJsonString()));
    }

    private static string ReplacePart(string token, int index, string replacement)
    {
        var parts = token.Split('.');
        parts[index] = replacement;
        return string.Join('.', parts);
    }

    private static string StripSignature(string token) => token[..token.LastIndexOf('.')];

    private static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Decode(string segment)
    {
        var base64 = segment.Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
    }

    private HttpClient ClientCarrying(Carrier carrier, string token)
    {
        var client = factory.CreateClient();
        Carry(client, carrier, token);
        return client;
    }

    private static void Carry(HttpClient client, Carrier carrier, string token)
    {
        switch (carrier)
        {
            case Carrier.TokenHeader:
                client.DefaultRequestHeaders.TryAddWithoutValidation("token", token);
                break;
            case Carrier.Bearer:
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                break;
            case Carrier.Cookie:
                client.DefaultRequestHeaders.TryAddWithoutValidation("Cookie", "token=" + token);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(carrier), carrier, "Unknown carrier.");
        }
    }

    /// <summary>The exact refusal envelope, HTTP 200 (R3), no fresh token (R11), and no order, stock, coupon, address or cart change.</summary>
    private async Task AssertRefusedAsync(HttpClient client, int code, string error, string msg)
    {
        using (client)
        {
            var before = await DatabaseState.ReadAsync(factory.Services);
            var stockBefore = await StoredRows.ProductStockAsync(factory.Services, DemoData.SingleProductId);

            using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Body));
            var envelope = await Envelope.ReadAsync(response);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(envelope.Code == code, envelope.Root.ToString());
            Assert.Equal(msg, envelope.Msg);
            Assert.Equal(error, envelope.Error);
            Assert.Null(envelope.Field);
            Assert.Equal(code == 1001 ? "error,field,reason" : "error,field", string.Join(',', envelope.Data.EnumerateObject().Select(member => member.Name).Order(StringComparer.Ordinal)));
            if (code == 1001)
            {
                // A forged token is found, so never "missing"; one genuinely signed by the site but past its expiry is "expired" (R9).
                Assert.True(envelope.Data.GetProperty("reason").GetString() is "invalid" or "expired", envelope.Root.ToString());
            }

            Assert.False(response.Headers.Contains("update-token"));
            Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
            Assert.Equal(stockBefore, await StoredRows.ProductStockAsync(factory.Services, DemoData.SingleProductId));
        }
    }
}
