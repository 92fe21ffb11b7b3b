using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Runs a command's work in one database transaction.</summary>
public interface ITransactionRunner
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that commits, with every pending change, only when
    /// the result is a success; a failure rolls everything back. Transient faults retry the whole work
    /// on a clean slate, so the work must have no effects outside the database.
    /// </summary>
    Task<TResult> RunAsync<TResult>(Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
        where TResult : IUseCaseResult;
}
