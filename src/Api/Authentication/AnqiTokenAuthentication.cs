using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Api.Authentication;

/// <summary>
/// Establishes who is calling before anything else runs: finds the AnQiCMS token (R7: the token
/// header, then Authorization: Bearer, then the token cookie) and reads it (R8). It never refuses
/// and reads nothing from the database: an anonymous caller is simply anonymous, and the use case
/// decides, after the body has been read, whether that is allowed (R9). What it found is recorded
/// on the request (<see cref="TokenFinding"/>), so that a refusal can say why.
/// </summary>
internal sealed class AnqiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ITokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AnqiToken";
    public const string UserIdClaim = "userId";

    /// <summary>When the token expires, in unix seconds, so the response can renew it (R11).</summary>
    public const string ExpiresAtClaim = "t";

    private const string TokenHeader = "token";
    private const string TokenCookie = "token";
    private const string BearerPrefix = "Bearer ";
    private const string QueryToken = "token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = FindToken(Request, out var fromTokenHeader)?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            // Only worth a look once nothing was found where R7 looks; a token there is still never read (it leaks into logs and history).
            (HasQueryToken(Request) ? TokenFinding.MissingButInQueryString : TokenFinding.Missing).RecordOn(Context);
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var reading = tokens.Read(token);
        if (reading.Claims is not { } claims)
        {
            Refused(token, fromTokenHeader, reading).RecordOn(Context);
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        TokenFinding.Accepted.RecordOn(Context);
        var identity = new ClaimsIdentity(
            [
                new Claim(UserIdClaim, claims.UserId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ExpiresAtClaim, claims.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ],
            SchemeName,
            UserIdClaim,
            roleType: null);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private static string? FindToken(HttpRequest request, out bool fromTokenHeader)
    {
        fromTokenHeader = false;
        if (request.Headers.TryGetValue(TokenHeader, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            fromTokenHeader = true;
            return header.ToString();
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[BearerPrefix.Length..];
        }

        return request.Cookies.TryGetValue(TokenCookie, out var cookie) ? cookie : null;
    }

    /// <summary>Why a token that was found did not read.</summary>
    private static TokenFinding Refused(string token, bool fromTokenHeader, TokenReading reading)
    {
        if (fromTokenHeader && token.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return TokenFinding.InvalidWithBearerPrefix;
        }

        return reading.HasExpired ? TokenFinding.Expired : TokenFinding.Invalid;
    }

    private static bool HasQueryToken(HttpRequest request) =>
        request.Query.TryGetValue(QueryToken, out var values) && values.Any(value => !string.IsNullOrWhiteSpace(value));
}
