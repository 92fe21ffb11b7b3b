namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of idempotency_keys: a buyer's key, the request it came with, and the answer its order got (R55).</summary>
public sealed class IdempotencyKeyRecord
{
    public long UserId { get; set; }

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 of the route and the raw body bytes, in hex.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    public long OrderId { get; set; }

    /// <summary>The order as the first request was answered, in JSON.</summary>
    public string Answer { get; set; } = string.Empty;

    public long CreatedTime { get; set; }
}
