namespace OrderPlatform.Infrastructure.Auth;

/// <summary>The "Auth" configuration section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The minimum secret size: an HS256 key shorter than the hash is guessable (R13).</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>The site secret; tokens are signed with "&lt;secret&gt;-user-token" as AnQiCMS does (R8).</summary>
    public string TokenSecret { get; set; } = string.Empty;
}
