using System.Collections.Concurrent;

namespace OrderPlatform.Application.Common.Idempotency;

/// <summary>
/// The keys whose first request this process is still running, so a repeat that arrives meanwhile
/// is told so (idempotency_key_in_use) instead of racing it. Another instance's request in flight
/// is not visible here; there the database row decides (see <see cref="Interfaces.IIdempotencyRecords"/>).
/// </summary>
internal sealed class KeysInFlight
{
    private readonly ConcurrentDictionary<(long BuyerId, string Key), byte> _held = new();

    /// <summary>Holds the buyer's key until the returned hold is disposed, or returns null when it is already held.</summary>
    public IDisposable? TryHold(long buyerId, string key) =>
        _held.TryAdd((buyerId, key), 0) ? new Hold(_held, (buyerId, key)) : null;

    private sealed class Hold(ConcurrentDictionary<(long BuyerId, string Key), byte> held, (long BuyerId, string Key) entry) : IDisposable
    {
        public void Dispose() => held.TryRemove(entry, out _);
    }
}
