using System.Collections.Concurrent;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// SQLite's written-out reads, on connections kept open with their prepared statements
/// (<see cref="SqliteReadConnection"/>). A query leases a connection for as long as it runs; SQLite
/// runs it synchronously, so no more connections open than threads read at once. A query runs
/// outside any transaction, so in WAL mode it reads the last commit and never waits for the writer.
/// </summary>
internal sealed class SqliteReadStatements(string connectionString) : IReadStatements, IDisposable
{
    /// <summary>
    /// The file is read through a memory map: a page not in the connection's own small cache is then
    /// a memory access, not a read() that copies it out of the kernel's cache (a tenth of the CPU of a
    /// list request went to those copies). It maps address space only, up to the file's size.
    /// </summary>
    private const string ReadPragmas = " PRAGMA mmap_size=1073741824;";

    private readonly ConcurrentBag<SqliteReadConnection> _idle = [];

    public bool PagesWithLimit => true;

    public Task<List<T>> ListAsync<T>(FormattableString sql, Func<IQueryRow, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(read);
        cancellationToken.ThrowIfCancellationRequested();
        var connection = _idle.TryTake(out var leased) ? leased : SqliteReadConnection.Open(connectionString, SqlitePragmas.Pragmas + ReadPragmas);
        var returned = false;
        try
        {
            var rows = connection.Query(sql, read);
            _idle.Add(connection);
            returned = true;
            return Task.FromResult(rows);
        }
        finally
        {
            if (!returned)
            {
                // A query that failed may have left the connection in any state: it is not lent again.
                connection.Dispose();
            }
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
