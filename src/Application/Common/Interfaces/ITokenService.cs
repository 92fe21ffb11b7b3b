namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Issues and reads AnQiCMS-compatible user tokens (R8).</summary>
public interface ITokenService
{
    string Issue(long userId, TimeSpan lifetime);

    /// <summary>What the token says: its user and expiry when it is valid now, or why it is not (R8, R9).</summary>
    TokenReading Read(string token);
}

/// <summary>
/// One reading of a token. <see cref="Claims"/> is set only for a valid, current token;
/// <see cref="HasExpired"/> tells a genuine token past its expiry (log in again) from a bad one.
/// </summary>
public sealed record TokenReading(TokenClaims? Claims, bool HasExpired)
{
    public static TokenReading Invalid { get; } = new(null, HasExpired: false);
}

/// <summary>What a valid token says.</summary>
public sealed record TokenClaims(long UserId, DateTimeOffset ExpiresAt);
