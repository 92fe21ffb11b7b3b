using System.Text.Json;
using OrderPlatform.Application.Common.Idempotency;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// The answer is kept as the order's DTO in JSON, so a replay gives back exactly what the first
/// request was answered, whatever has happened to the order since.
/// </summary>
internal sealed class IdempotencyRecords(IReadStatements reads, IWriteStatements statements) : IIdempotencyRecords
{
    public async Task<IdempotentAnswer?> FindAsync(long buyerId, string key, CancellationToken cancellationToken)
    {
        var rows = await reads.ListAsync(
            $"SELECT fingerprint, answer FROM idempotency_keys WHERE user_id = {buyerId} AND idempotency_key = {key}",
            reader => (Fingerprint: reader.GetString(0), Answer: reader.GetString(1)),
            cancellationToken);
        return rows.Count == 0
            ? null
            : new IdempotentAnswer(rows[0].Fingerprint, JsonSerializer.Deserialize<OrderDto>(rows[0].Answer) ?? throw new InvalidDataException($"Idempotency key of user {buyerId} has no answer."));
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
