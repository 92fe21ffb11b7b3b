using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// SQLite's write steps, group-committed by one writer (docs/decisions/0008-group-commit.md). SQLite
/// has one writer at a time and every commit is synced to disk (synchronous=FULL). Write steps queue
/// here; one loop takes every step waiting, up to <see cref="MostWritesPerCommit"/>, and runs them one
/// after the other in one transaction on its own connection, each in its own savepoint, so a step that
/// refuses or throws rolls back only itself. One commit, and so one sync, then acknowledges them all:
/// no step is answered before the commit that holds its writes. Running the waiting steps back to back
/// on one loop also spares each step the wait for a thread that a lock handed from request to request costs.
/// A step writes through <see cref="SqliteWriteStatements"/>, which finds the step's turn here; the
/// command's own DbContext only ever reads, on a connection of its own.
/// </summary>
internal sealed class SqliteGroupCommit : IWriteTransactions, IAsyncDisposable
{
    /// <summary>
    /// Bounds how long one commit keeps the steps that joined it waiting: about half a millisecond of the
    /// writer's time per step, so a full batch is answered well inside the latency aimed for at 64 connections.
    /// </summary>
    public const int MostWritesPerCommit = 32;

    private const string Savepoint = "SAVEPOINT write_step;";
    private const string ReleaseSavepoint = "RELEASE write_step;";
    private const string RollBackToSavepoint = "ROLLBACK TO write_step;";

    /// <summary>The turn of the step running in this flow; it flows into the step's own calls and nowhere else.</summary>
    private static readonly AsyncLocal<WriterTurn?> StepsTurn = new();

    private readonly string _connectionString;
    private readonly Channel<QueuedWrite> _queue = Channel.CreateUnbounded<QueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _writer;
    private SqliteConnection? _connection;
    private SqliteStatementCache? _statements;

    public SqliteGroupCommit(string connectionString)
    {
        _connectionString = connectionString;
        _writer = new Lazy<Task>(() => Task.Factory.StartNew(WriteWhileQueued, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    public async Task<Result> RunAsync(OrderPlatformDbContext db, Func<CancellationToken, Task<Result>> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var queued = new QueuedWrite(
            turn =>
            {
                StepsTurn.Value = turn;
                return step(cancellationToken);
            },
            cancellationToken);
        if (!_queue.Writer.TryWrite(queued))
        {
            throw new ObjectDisposedException(nameof(SqliteGroupCommit), "The service is stopping; the write step was not run.");
        }

        _ = _writer.Value;
        return await queued.Answer;
    }

    /// <summary>The turn of the write step calling, which runs on this writer; anywhere else there is none to write in.</summary>
    public WriterTurn CurrentTurn() =>
        StepsTurn.Value is { } turn && ReferenceEquals(turn.Writer, this)
            ? turn
            : throw new InvalidOperationException("Ports write only inside a command's write step (IUnitOfWork.WriteAsync).");

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            await _writer.Value;
        }

        await DropConnectionAsync();
    }

    /// <summary>
    /// The writer's loop, on a thread of its own above the request threads' priority: every order
    /// passes through it one at a time, so under load it is the service's bottleneck, and time it
    /// spends waiting for a core or for a pool thread is lost to every order queued behind it. The
    /// steps it runs complete synchronously (SQLite's calls do), so waiting on them here costs nothing.
    /// </summary>
    private void WriteWhileQueued()
    {
        Thread.CurrentThread.Name = "SQLite writer";
        Thread.CurrentThread.Priority = ThreadPriority.AboveNormal;
        var batch = new List<QueuedWrite>(MostWritesPerCommit);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MostWritesPerCommit && _queue.Reader.TryRead(out var queued))
            {
                batch.Add(queued);
            }

            CommitTogetherAsync(batch).GetAwaiter().GetResult();
            foreach (var queued in batch)
            {
                queued.Settle();
            }

            batch.Clear();
        }
    }

    private async Task CommitTogetherAsync(List<QueuedWrite> batch)
    {
        try
        {
            var (connection, statements) = await OpenAsync();
            await using var transaction = connection.BeginTransaction();
            foreach (var queued in batch)
            {
                if (queued.CancellationToken.IsCancellationRequested)
                {
                    queued.Skip();
                    continue;
                }

                await statements.Prepared(Savepoint, 0, transaction).ExecuteNonQueryAsync();
                await queued.RunAsync(new WriterTurn(this, transaction, statements));
                if (!queued.Wrote)
                {
                    await statements.Prepared(RollBackToSavepoint, 0, transaction).ExecuteNonQueryAsync();
                }

                await statements.Prepared(ReleaseSavepoint, 0, transaction).ExecuteNonQueryAsync();
            }

            if (batch.Exists(queued => queued.Wrote))
            {
                await transaction.CommitAsync();
            }
            else
            {
                await transaction.RollbackAsync();
            }
        }
        catch (Exception fault)
        {
            // The transaction or the connection broke (or the commit failed): nothing in this batch was
            // committed. Every step that wrote gets the fault; the next batch starts on a fresh connection.
            foreach (var queued in batch)
            {
                queued.Lose(fault);
            }

            await DropConnectionAsync();
        }
    }

    private async Task<(SqliteConnection Connection, SqliteStatementCache Statements)> OpenAsync()
    {
        if (_connection is not null && _statements is not null)
        {
            return (_connection, _statements);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using (var settings = connection.CreateCommand())
        {
            settings.CommandText = SqlitePragmas.Pragmas;
            await settings.ExecuteNonQueryAsync();
        }

        _connection = connection;
        _statements = new SqliteStatementCache(connection);
        return (connection, _statements);
    }

    private async Task DropConnectionAsync()
    {
        // Forgotten first: even if closing the broken connection fails, the next batch opens a new one.
        var broken = _connection;
        var statements = _statements;
        _connection = null;
        _statements = null;
        try
        {
            statements?.Dispose();
        }
        finally
        {
            if (broken is not null)
            {
                await broken.DisposeAsync();
            }
        }
    }
}
