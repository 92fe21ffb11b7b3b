using OrderPlatform.Application.Common.Idempotency;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Dtos;

namespace OrderPlatform.Benchmarks.Pipeline.InMemory;

/// <summary>The scenarios send no Idempotency-Key, so the handler's idempotency gate is built but never asks.</summary>
internal sealed class InMemoryIdempotencyRecords : IIdempotencyRecords
{
    public Task<IdempotentAnswer?> FindAsync(long buyerId, string key, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The scenarios send no Idempotency-Key.");

    public Task RecordAsync(long buyerId, IdempotencyKey key, OrderDto answer, DateTimeOffset recordedAt, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The scenarios send no Idempotency-Key.");

    public Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Only the sweep purges keys.");
}
