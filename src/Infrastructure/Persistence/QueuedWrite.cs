using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// One command's write step waiting for the single SQLite writer (<see cref="SqliteGroupCommit"/>).
/// Its caller waits on <see cref="Answer"/>, which is settled only once the writer has finished with
/// the step and the batch it joined has committed or rolled back.
/// </summary>
internal sealed class QueuedWrite
{
    private readonly Func<WriterTurn, Task<Result>> _step;
    private readonly ExecutionContext? _callersContext;
    private readonly TaskCompletionSource<Result> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Result? _outcome;
    private Exception? _fault;

    public QueuedWrite(Func<WriterTurn, Task<Result>> step, CancellationToken cancellationToken)
    {
        _step = step;
        CancellationToken = cancellationToken;

        // The step runs on the writer's loop, but it belongs to its request: its logging scope, its user.
        _callersContext = ExecutionContext.Capture();
    }

    public CancellationToken CancellationToken { get; }

    public Task<Result> Answer => _answer.Task;

    /// <summary>Whether the step wrote something that the batch's commit must keep.</summary>
    public bool Wrote => _outcome is { IsSuccess: true };

    /// <summary>Runs the step in its caller's execution context in its turn on the writer's connection; records its outcome.</summary>
    public async Task RunAsync(WriterTurn turn)
    {
        try
        {
            _outcome = await StartInCallersContext(turn);
        }
        catch (Exception exception)
        {
            _fault = exception;
        }
    }

    /// <summary>The step never ran: its caller has gone.</summary>
    public void Skip() => _fault = new OperationCanceledException(CancellationToken);

    /// <summary>The batch this step joined did not commit, so what it wrote is lost.</summary>
    public void Lose(Exception fault)
    {
        // A refusal wrote nothing, so it stays the answer; a step that wrote or never finished gets the fault.
        if (_fault is null && _outcome is not { IsSuccess: false })
        {
            _fault = fault;
        }
    }

    /// <summary>Hands the caller its answer: the step's outcome, or the fault that stopped it or its commit.</summary>
    public void Settle()
    {
        // Never throws: it runs on the writer's loop, which every later write step depends on.
        if (_outcome is not null && _fault is null)
        {
            _answer.TrySetResult(_outcome);
        }
        else
        {
            _answer.TrySetException(_fault ?? new InvalidOperationException("A queued write was settled before it ran."));
        }
    }

    private Task<Result> StartInCallersContext(WriterTurn turn)
    {
        if (_callersContext is null)
        {
            return _step(turn);
        }

        Task<Result>? started = null;
        ExecutionContext.Run(_callersContext, _ => started = _step(turn), null);
        return started!;
    }
}
