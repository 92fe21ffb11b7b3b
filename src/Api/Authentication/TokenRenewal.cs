using System.Globalization;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Api.Authentication;

/// <summary>
/// R11, in one place for every buyer endpoint: a token with less than an hour left is answered with
/// a fresh 24-hour one in the update-token header. Only when the use case let the user through: a
/// deleted or disabled account's session must not be kept alive, and a request refused before it
/// reached the use case has not shown that the account is still good.
/// </summary>
internal sealed class TokenRenewal(ITokenService tokens, TimeProvider clock) : IEndpointFilter
{
    public const string Header = "update-token";

    private static readonly TimeSpan RenewWithin = TimeSpan.FromHours(1);
    private static readonly TimeSpan RenewedLifetime = TimeSpan.FromHours(24);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var outcome = await next(context);
        var user = context.HttpContext.User;
        if (outcome is UseCaseEnvelope { LetUserThrough: true }
            && user.FindFirst(AnqiTokenAuthentication.UserIdClaim)?.Value is { } userId
            && user.FindFirst(AnqiTokenAuthentication.ExpiresAtClaim)?.Value is { } expiresAt
            && DateTimeOffset.FromUnixTimeSeconds(long.Parse(expiresAt, CultureInfo.InvariantCulture)) - clock.GetUtcNow() < RenewWithin)
        {
            context.HttpContext.Response.Headers[Header] = tokens.Issue(long.Parse(userId, CultureInfo.InvariantCulture), RenewedLifetime);
        }

        return outcome;
    }
}
