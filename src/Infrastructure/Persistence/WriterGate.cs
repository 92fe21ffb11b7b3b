namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// Where a process's write steps wait their turn. SQLite has one writer at a time: writers of this
/// process queue here, asynchronously and without using a thread, instead of inside SQLite's busy
/// handler, which sleeps between retries and so adds its sleeps to every waiting request. The busy
/// timeout stays for writers in other processes. A server database locks rows itself, so there the
/// gate is open.
/// </summary>
internal sealed class WriterGate : IDisposable
{
    private readonly SemaphoreSlim? _oneWriter;

    private WriterGate(SemaphoreSlim? oneWriter) => _oneWriter = oneWriter;

    public static WriterGate For(DatabaseProvider provider) =>
        new(provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null);

    /// <summary>Waits for this process's turn to write; dispose the turn to hand it on.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (_oneWriter is not null)
        {
            await _oneWriter.WaitAsync(cancellationToken);
        }

        return new Turn(_oneWriter);
    }

    public void Dispose() => _oneWriter?.Dispose();

    /// <summary>One write step's turn.</summary>
    public readonly struct Turn(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
