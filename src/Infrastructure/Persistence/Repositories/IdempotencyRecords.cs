using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Idempotency;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// The answer is kept as the order's DTO in JSON, so a replay gives back exactly what the first
/// request was answered, whatever has happened to the order since.
/// </summary>
internal sealed class IdempotencyRecords(OrderPlatformDbContext db, IWriteStatements statements) : IIdempotencyRecords
{
    public async Task<IdempotentAnswer?> FindAsync(long buyerId, string key, CancellationToken cancellationToken)
    {
        var row = await db.IdempotencyKeys.AsNoTracking()
            .Where(k => k.UserId == buyerId && k.Key == key)
            .Select(k => new { k.Fingerprint, k.Answer })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new IdempotentAnswer(row.Fingerprint, JsonSerializer.Deserialize<OrderDto>(row.Answer) ?? throw new InvalidDataException($"Idempotency key of user {buyerId} has no answer."));
    }

    public Task RecordAsync(long buyerId, IdempotencyKey key, OrderDto answer, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(answer);
        return statements.InsertAsync(
            new IdempotencyKeyRecord
            {
                UserId = buyerId,
                Key = key.Value,
                Fingerprint = key.Fingerprint,
                OrderId = answer.Id,
                Answer = JsonSerializer.Serialize(answer),
                CreatedTime = recordedAt.ToUnixTimeSeconds(),
            },
            cancellationToken);
    }

    public Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken)
    {
        var before = recordedBefore.ToUnixTimeSeconds();
        return statements.ExecuteAsync($"DELETE FROM idempotency_keys WHERE created_time < {before}", cancellationToken);
    }
}
