using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>How a command's write step gets the transaction it writes in and how that transaction ends.</summary>
internal interface IWriteTransactions
{
    /// <summary>
    /// Runs <paramref name="step"/> on <paramref name="db"/> inside a transaction. When the step
    /// succeeds, what it wrote is committed before this returns; when it refuses or throws, nothing it
    /// wrote survives. The step saves its own changes.
    /// </summary>
    Task<Result> RunAsync(OrderPlatformDbContext db, Func<CancellationToken, Task<Result>> step, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the step's transaction is the context's own, so that what the step staged in EF Core
    /// is saved inside it. When it is not, the step writes only through <see cref="IWriteStatements"/>.
    /// </summary>
    bool StagedChangesJoinTheStep { get; }
}
