namespace OrderPlatform.Api.Internal;

/// <summary>The "Internal" configuration section: what internal callers, such as the payment service, authenticate with (R65).</summary>
public sealed class InternalOptions
{
    public const string SectionName = "Internal";

    /// <summary>The shortest service key accepted, in UTF-8 bytes.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The keys any one of which an internal caller may send in X-Service-Key; none turns the internal endpoints off.</summary>
    public IReadOnlyList<string> ServiceKeys { get; init; } = [];
}
