namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Issues and reads AnQiCMS-compatible user tokens (R8).</summary>
public interface ITokenService
{
    string Issue(long userId, TimeSpan lifetime);

    /// <summary>The token's user and expiry, or null when it is malformed, forged or expired.</summary>
    TokenClaims? Read(string token);

    /// <summary>
    /// Whether the token is genuine (well formed, signed with the site key, naming a user) and only
    /// its expiry has passed: why <see cref="Read"/> refused it, so that a caller can be told to log
    /// in again rather than that its token is bad (R9).
    /// </summary>
    bool HasExpired(string token);
}

/// <summary>What a valid token says.</summary>
public sealed record TokenClaims(long UserId, DateTimeOffset ExpiresAt);
