using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>R8: AnQiCMS-compatible tokens, HS256 only, signed with "&lt;secret&gt;-user-token".</summary>
public sealed class AnqiTokenServiceTests(OrderPlatformHost host) : IClassFixture<OrderPlatformHost>
{
    private ITokenService Tokens => host.Services.GetRequiredService<ITokenService>();

    [Fact]
    public void R8_an_issued_token_reads_back_with_its_user_and_expiry()
    {
        var claims = Tokens.Read(Tokens.Issue(1000, TimeSpan.FromHours(2))).Claims;

        Assert.NotNull(claims);
        Assert.Equal(1000, claims.UserId);
        Assert.InRange(claims.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(119), TimeSpan.FromMinutes(121));
    }

    [Theory]
    [InlineData("""{"userId":"1000","t":"4102444800"}""")]
    [InlineData("""{"userId":1000,"t":4102444800}""")]
    [InlineData("""{"sub":"1000","exp":4102444800}""")]
    public void R8_a_token_made_by_an_AnQiCMS_site_with_the_same_secret_is_accepted(string payload)
    {
        var token = Sign("""{"alg":"HS256","typ":"JWT"}""", payload, OrderPlatformHost.TokenSecret + "-user-token");

        Assert.Equal(1000, Tokens.Read(token).Claims?.UserId);
    }

    [Theory]
    [InlineData("""{"alg":"none","typ":"JWT"}""", """{"userId":"1000","t":"4102444800"}""", "-user-token")]
    [InlineData("""{"alg":"HS512","typ":"JWT"}""", """{"userId":"1000","t":"4102444800"}""", "-user-token")]
    [InlineData("""{"alg":"HS256","typ":"JWT"}""", """{"userId":"1000","t":"1000"}""", "-user-token")]
    [InlineData("""{"alg":"HS256","typ":"JWT"}""", """{"userId":"1000"}""", "-user-token")]
    [InlineData("""{"alg":"HS256","typ":"JWT"}""", """{"userId":"1000","t":"4102444800"}""", "-wrong-suffix")]
    [InlineData("""{"alg":"HS256","typ":"JWT"}""", """{"userId":"0","t":"4102444800"}""", "-user-token")]
    public void R9_forged_expired_or_foreign_tokens_are_refused(string header, string payload, string keySuffix)
    {
        Assert.Null(Tokens.Read(Sign(header, payload, OrderPlatformHost.TokenSecret + keySuffix)).Claims);
    }

    [Theory]
    [InlineData("-user-token", true)]
    [InlineData("-wrong-suffix", false)]
    public void R9_only_a_genuine_token_past_its_expiry_reads_as_expired(string keySuffix, bool expired)
    {
        var reading = Tokens.Read(Sign("""{"alg":"HS256","typ":"JWT"}""", """{"userId":"1000","t":"1000"}""", OrderPlatformHost.TokenSecret + keySuffix));

        Assert.Null(reading.Claims);
        Assert.Equal(expired, reading.HasExpired);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9..")]
    public void R9_malformed_tokens_are_refused(string token)
    {
        Assert.Null(Tokens.Read(token).Claims);
    }

    private static string Sign(string header, string payload, string key)
    {
        var input = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        return input + "." + Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(input)));
    }
}
