using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// The command's unit of work on EF Core, and the only code that saves changes. A command runs
/// through the provider's execution strategy on a clean change tracker, and is retried whole (the
/// fault in eShop issue 302 was retrying on a dirty context). Its write step takes this process's
/// writer turn, begins the transaction, runs, saves what it staged and commits; or rolls back.
/// A commit whose outcome is unknown is never run again.
/// </summary>
internal sealed class EfUnitOfWork(OrderPlatformDbContext db, WriterGate writers) : IUnitOfWork
{
    private bool _commitAttempted;

    public async Task<TResult> RunAsync<TResult>(Func<Task<TResult>> command, CancellationToken cancellationToken)
        where TResult : IUseCaseResult
    {
        ArgumentNullException.ThrowIfNull(command);
        var strategy = db.Database.CreateExecutionStrategy();

        // One connection for the whole command, rather than one from the pool (set up again each time) per read.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await RunOnOpenConnectionAsync(strategy, command, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<Result> WriteAsync(Func<CancellationToken, Task<Result>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var turn = await writers.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await write(cancellationToken);
        if (!outcome.IsSuccess)
        {
            // Rolled back even when the caller has gone: the refusal must leave nothing behind.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return outcome;
        }

        await db.SaveChangesAsync(cancellationToken);
        _commitAttempted = true;
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private Task<TResult> RunOnOpenConnectionAsync<TResult>(IExecutionStrategy strategy, Func<Task<TResult>> command, CancellationToken cancellationToken)
        where TResult : IUseCaseResult =>
        strategy.ExecuteAsync(
            async _ =>
            {
                if (_commitAttempted)
                {
                    // The fault hit the commit itself: the command may have been committed, and running it again could
                    // place a second order. Only a client retry (with an idempotency key, R55) can decide safely.
                    throw new InvalidOperationException("A transient fault interrupted the commit; its outcome is unknown, so the command is not run again.");
                }

                db.ChangeTracker.Clear();
                var result = await command();
                if (db.ChangeTracker.HasChanges())
                {
                    throw new InvalidOperationException("The command staged changes outside its write step; they would never be saved.");
                }

                return result;
            },
            cancellationToken);
}
