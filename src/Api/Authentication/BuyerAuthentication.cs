using Microsoft.Net.Http.Headers;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Api.Authentication;

/// <summary>
/// Finds the caller's token (R7: the token header, then Authorization: Bearer, then the token
/// cookie) and reads it (R8). Reads nothing from the database: an anonymous caller costs nothing.
/// </summary>
internal sealed class BuyerAuthentication(ITokenService tokens, TimeProvider clock)
{
    public const string TokenHeader = "token";
    public const string TokenCookie = "token";
    public const string UpdateTokenHeader = "update-token";

    private static readonly TimeSpan RenewWithin = TimeSpan.FromHours(1);
    private static readonly TimeSpan RenewedLifetime = TimeSpan.FromHours(24);

    public TokenClaims? Authenticate(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = FindToken(context.Request);
        return string.IsNullOrWhiteSpace(token) ? null : tokens.Read(token.Trim());
    }

    /// <summary>R11: a token with less than an hour left is answered with a fresh 24-hour one.</summary>
    public void RenewIfExpiring(HttpContext context, TokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.ExpiresAt - clock.GetUtcNow() < RenewWithin)
        {
            context.Response.Headers[UpdateTokenHeader] = tokens.Issue(claims.UserId, RenewedLifetime);
        }
    }

    private static string? FindToken(HttpRequest request)
    {
        if (request.Headers.TryGetValue(TokenHeader, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString();
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        const string bearer = "Bearer ";
        if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[bearer.Length..];
        }

        return request.Cookies.TryGetValue(TokenCookie, out var cookie) ? cookie : null;
    }
}
