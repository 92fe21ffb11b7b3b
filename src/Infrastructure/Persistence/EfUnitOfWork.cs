using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// The command's unit of work on EF Core. A command runs through the provider's execution strategy
/// on a clean change tracker and one open connection, and is retried whole (the fault in eShop issue
/// 302 was retrying on a dirty context). Its write step runs in the transaction the provider's
/// <see cref="IWriteTransactions"/> gives it, writing through <see cref="IWriteStatements"/>, and
/// commits; or rolls back. A commit whose outcome is unknown is never run again.
/// </summary>
internal sealed class EfUnitOfWork(OrderPlatformDbContext db, IWriteTransactions transactions) : IUnitOfWork
{
    /// <summary>How many times a command runs from its reads while its write step keeps finding them out of date.</summary>
    private const int MostAttemptsOnStaleReads = 3;

    private bool _commitAttempted;
    private bool _readWentStale;

    public Task<TResult> RunAsync<TResult>(Func<Task<TResult>> command, CancellationToken cancellationToken)
        where TResult : IUseCaseResult
    {
        ArgumentNullException.ThrowIfNull(command);
        _commitAttempted = false;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(
            async attemptToken =>
            {
                if (_commitAttempted)
                {
                    // The fault hit the commit itself: the command may have been committed, and running it again could
                    // place a second order. Only a client retry (with an idempotency key, R55) can decide safely.
                    throw new InvalidOperationException("A transient fault interrupted the commit; its outcome is unknown, so the command is not run again.");
                }

                // One connection for the whole command, rather than one from the pool (set up again each time) per read.
                await db.Database.OpenConnectionAsync(attemptToken);
                try
                {
                    return await RunFromItsReadsAsync(command);
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            },
            cancellationToken);
    }

    public Task<Result> WriteAsync(Func<CancellationToken, Task<Result>> write, CancellationToken cancellationToken) =>
        WriteThenRecordAsync(write, record: null, cancellationToken);

    public Task<Result> WriteAsync(Func<CancellationToken, Task<Result>> write, Func<CancellationToken, Task> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return WriteThenRecordAsync(write, record, cancellationToken);
    }

    private async Task<Result> WriteThenRecordAsync(Func<CancellationToken, Task<Result>> write, Func<CancellationToken, Task>? record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var outcome = await transactions.RunAsync(db, token => WriteAndRecordAsync(write, record, token), cancellationToken);
        if (!outcome.IsSuccess)
        {
            db.ChangeTracker.Clear();
            _readWentStale = outcome.ReadWentStale;
        }

        return outcome;
    }

    private async Task<Result> WriteAndRecordAsync(Func<CancellationToken, Task<Result>> write, Func<CancellationToken, Task>? record, CancellationToken cancellationToken)
    {
        var outcome = await write(cancellationToken);
        if (!outcome.IsSuccess)
        {
            return outcome;
        }

        if (record is not null)
        {
            try
            {
                await record(cancellationToken);
            }
            catch (Exception exception) when (UniqueKeyViolation.Caused(exception))
            {
                // Another instance's transaction wrote the same record first and has committed: run again and find it.
                return Result.StaleRead(Error.Of(ErrorCode.IdempotencyKeyInUse));
            }
        }

        if (db.ChangeTracker.HasChanges())
        {
            // Rolled back with the step: on SQLite they would be saved outside the writer's transaction, on SQL Server not at all.
            throw new InvalidOperationException("The write step staged changes in EF Core instead of writing them through IWriteStatements.");
        }

        _commitAttempted = true;
        return outcome;
    }

    /// <summary>
    /// Runs the command, and again while its write step finds what it read out of date: the next
    /// run reads what won the race, so its answer is the one the reads give now.
    /// </summary>
    private async Task<TResult> RunFromItsReadsAsync<TResult>(Func<Task<TResult>> command)
        where TResult : IUseCaseResult
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            _readWentStale = false;
            var result = await command();
            if (db.ChangeTracker.HasChanges())
            {
                throw new InvalidOperationException("The command staged changes outside its write step; they would never be saved.");
            }

            if (!_readWentStale || attempt == MostAttemptsOnStaleReads)
            {
                return result;
            }
        }
    }
}
