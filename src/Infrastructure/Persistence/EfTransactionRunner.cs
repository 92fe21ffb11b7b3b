using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// One transaction per command through the provider's execution strategy. Each attempt starts
/// on a clean change tracker and begins its transaction inside the retried delegate (the fault
/// in eShop issue 302 was retrying on a dirty context), and a commit whose outcome is unknown is
/// never run again.
/// </summary>
internal sealed class EfTransactionRunner(OrderPlatformDbContext db) : ITransactionRunner
{
    public Task<TResult> RunAsync<TResult>(Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
        where TResult : IUseCaseResult
    {
        ArgumentNullException.ThrowIfNull(work);
        var strategy = db.Database.CreateExecutionStrategy();
        var commitAttempted = false;
        return strategy.ExecuteAsync(
            async attemptToken =>
            {
                if (commitAttempted)
                {
                    // The fault hit the commit itself: the work may have been committed, and running it again could
                    // place a second order. Only a client retry (with an idempotency key, R55) can decide safely.
                    throw new InvalidOperationException("A transient fault interrupted the commit; its outcome is unknown, so the command is not run again.");
                }

                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(attemptToken);
                var result = await work(attemptToken);
                if (!result.IsSuccess)
                {
                    await transaction.RollbackAsync(attemptToken);
                    db.ChangeTracker.Clear();
                    return result;
                }

                await db.SaveChangesAsync(attemptToken);
                commitAttempted = true;
                await transaction.CommitAsync(attemptToken);
                return result;
            },
            cancellationToken);
    }
}
