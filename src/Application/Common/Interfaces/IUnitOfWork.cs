using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>
/// A command's unit of work. The command reads and decides outside any database transaction;
/// only its write step runs inside one, so the database's write lock is held only while writing
/// and a refused command never takes it (docs/decisions/0005-read-decide-write.md).
/// </summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Runs a whole command on a clean slate. A transient database fault, or a write step whose guard
    /// finds what the command read out of date (<see cref="Result.ReadWentStale"/>), runs it again from
    /// its reads, so the command must have no effects outside the database; a fault while committing
    /// is never retried, because the first attempt may have committed.
    /// </summary>
    Task<TResult> RunAsync<TResult>(Func<Task<TResult>> command, CancellationToken cancellationToken)
        where TResult : IUseCaseResult;

    /// <summary>
    /// The command's write step, in one short transaction. <paramref name="write"/> only writes:
    /// ports write rows, or run guarded updates whose affected rows say whether they took; outside a
    /// write step they refuse to run. When it succeeds, everything commits together; when it refuses,
    /// everything rolls back and nothing is written. Written entities carry the values the database
    /// generated for them.
    /// </summary>
    Task<Result> WriteAsync(Func<CancellationToken, Task<Result>> write, CancellationToken cancellationToken);

    /// <summary>
    /// A write step that also keeps a record of what it wrote (R55). Once the step has written, and its
    /// entities carry the values the database generated, <paramref name="record"/> writes the record in
    /// the same transaction. A record whose unique key another transaction wrote first
    /// rolls everything back as a stale read: the command runs again from its reads and finds it.
    /// </summary>
    Task<Result> WriteAsync(Func<CancellationToken, Task<Result>> write, Func<CancellationToken, Task> record, CancellationToken cancellationToken);
}
