using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Application.Common.Scheduling;

namespace OrderPlatform.Application.Common.Idempotency;

/// <summary>
/// R55, R64: deletes the idempotency keys older than Orders:IdempotencyKeyHours, in one short write
/// on the close job's schedule. Several instances may purge at once; a row only goes once.
/// </summary>
internal sealed class ExpiredIdempotencyKeySweep(IUnitOfWork unitOfWork, IIdempotencyRecords records, TimeProvider clock, OrderSettings settings)
    : IScheduledSweep
{
    public async Task<SweepReport> RunAsync(CancellationToken cancellationToken)
    {
        var purged = 0;
        var recordedBefore = clock.GetUtcNow() - settings.IdempotencyKeyRetention;
        await unitOfWork.RunAsync(
            () => unitOfWork.WriteAsync(
                async token =>
                {
                    purged = await records.PurgeAsync(recordedBefore, token);
                    return Result.Success;
                },
                cancellationToken),
            cancellationToken);
        return new SweepReport(nameof(ExpiredIdempotencyKeySweep), purged, Skipped: 0);
    }
}
