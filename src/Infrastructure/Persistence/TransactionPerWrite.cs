using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// SQL Server: each write step begins and commits its own transaction on the command's connection.
/// The server locks rows itself and makes its own group commits, so writers need no queue here.
/// </summary>
internal sealed class TransactionPerWrite : IWriteTransactions
{
    public async Task<Result> RunAsync(OrderPlatformDbContext db, Func<CancellationToken, Task<Result>> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(step);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await step(cancellationToken);
        if (outcome.IsSuccess)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            // Rolled back even when the caller has gone: the refusal must leave nothing behind.
            await transaction.RollbackAsync(CancellationToken.None);
        }

        return outcome;
    }
}
