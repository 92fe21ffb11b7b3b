using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// One transaction per command through the provider's execution strategy. Each attempt starts
/// on a clean change tracker and begins its transaction inside the retried delegate (the fault
/// in eShop issue 302 was retrying on a dirty context).
/// </summary>
internal sealed class EfTransactionRunner(OrderPlatformDbContext db) : ITransactionRunner
{
    public Task<TResult> RunAsync<TResult>(Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
        where TResult : IUseCaseResult
    {
        ArgumentNullException.ThrowIfNull(work);
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(
            async attemptToken =>
            {
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
                await transaction.CommitAsync(attemptToken);
                return result;
            },
            cancellationToken);
    }
}
