namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Issues and reads AnQiCMS-compatible user tokens (R8).</summary>
public interface ITokenService
{
    string Issue(long userId, TimeSpan lifetime);

    /// <summary>The token's user and expiry, or null when it is malformed, forged or expired.</summary>
    TokenClaims? Read(string token);
}

/// <summary>What a valid token says.</summary>
public sealed record TokenClaims(long UserId, DateTimeOffset ExpiresAt);
