using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>How a command's write step gets the transaction it writes in and how that transaction ends.</summary>
internal interface IWriteTransactions
{
    /// <summary>
    /// Runs <paramref name="step"/> inside a transaction: <paramref name="db"/>'s own (SQL Server) or the
    /// single writer's (SQLite). When the step succeeds, what it wrote is committed before this returns;
    /// when it refuses or throws, nothing it wrote survives. The step writes through <see cref="IWriteStatements"/>.
    /// </summary>
    Task<Result> RunAsync(OrderPlatformDbContext db, Func<CancellationToken, Task<Result>> step, CancellationToken cancellationToken);
}
