namespace OrderPlatform.Application.Common.Idempotency;

/// <summary>
/// R55: the client's Idempotency-Key and the fingerprint of the request it came with (a hash of
/// the route and the raw body bytes, made by the host that read them). A repeat with the same key
/// replays the first answer only when its fingerprint is the same.
/// </summary>
public sealed record IdempotencyKey
{
    public const int MaxLength = 255;

    public IdempotencyKey(string value, string fingerprint)
    {
        if (!IsWellFormed(value))
        {
            throw new ArgumentException("An idempotency key is 1 to 255 printable ASCII characters.", nameof(value));
        }

        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        Value = value;
        Fingerprint = fingerprint;
    }

    public string Value { get; }

    public string Fingerprint { get; }

    /// <summary>1 to 255 printable ASCII characters, space to tilde (R55).</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => c is >= ' ' and <= '~');
}
