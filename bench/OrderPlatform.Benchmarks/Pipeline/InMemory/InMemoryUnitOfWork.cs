using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Benchmarks.Pipeline.InMemory;

/// <summary>Runs the command and its write step once, with no transaction: the substitutes have nothing to commit or roll back.</summary>
internal sealed class InMemoryUnitOfWork : IUnitOfWork
{
    public Task<TResult> RunAsync<TResult>(Func<Task<TResult>> command, CancellationToken cancellationToken)
        where TResult : IUseCaseResult
    {
        ArgumentNullException.ThrowIfNull(command);
        return command();
    }

    public Task<Result> WriteAsync(Func<CancellationToken, Task<Result>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return write(cancellationToken);
    }

    public async Task<Result> WriteAsync(Func<CancellationToken, Task<Result>> write, Func<CancellationToken, Task> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(record);
        var outcome = await write(cancellationToken);
        if (outcome.IsSuccess)
        {
            await record(cancellationToken);
        }

        return outcome;
    }
}
