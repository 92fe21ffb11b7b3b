namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// Holds racers until <see cref="Open"/>, then lets them all go at once. Each racer starts on a
/// thread of its own, not a pool thread: SQLite's calls are synchronous, so on a pool of two
/// threads one racer could run to its end before the pool gave the other a thread, and nothing
/// would race.
/// </summary>
internal sealed class StartingGate : IDisposable
{
    private readonly ManualResetEventSlim _open = new();

    /// <summary>A racer that runs <paramref name="race"/> once the gate opens.</summary>
    public Task<T> Racer<T>(Func<Task<T>> race) => Task.Factory.StartNew(
        () =>
        {
            _open.Wait();
            return race();
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default).Unwrap();

    public void Open() => _open.Set();

    public void Dispose() => _open.Dispose();
}
