using OrderPlatform.Application.Common.Idempotency;
using OrderPlatform.Application.Orders.Dtos;

namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>
/// The idempotency keys that placed an order (R55), one row per buyer and key. The row is written in
/// the order's own transaction and its key is unique, so across any number of instances a key places
/// at most one order: the loser of a race fails to write its row, rolls back and replays the winner's.
/// </summary>
public interface IIdempotencyRecords
{
    Task<IdempotentAnswer?> FindAsync(long buyerId, string key, CancellationToken cancellationToken);

    /// <summary>Writes the key with the answer the order got; only inside a write step.</summary>
    Task RecordAsync(long buyerId, IdempotencyKey key, OrderDto answer, DateTimeOffset recordedAt, CancellationToken cancellationToken);

    /// <summary>Deletes the keys recorded before <paramref name="recordedBefore"/>; only inside a write step. Returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken);
}
