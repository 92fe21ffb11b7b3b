using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// SQLite's written-out reads, on connections kept open with their prepared statements
/// (<see cref="SqliteStatementCache"/>). A query leases a connection for as long as it runs; SQLite
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

    private readonly ConcurrentBag<SqliteStatementCache> _idle = [];

    public bool PagesWithLimit => true;

    public async Task<List<T>> ListAsync<T>(FormattableString sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var statements = _idle.TryTake(out var leased) ? leased : await OpenAsync(cancellationToken);
        var returned = false;
        try
        {
            var rows = new List<T>();
            await using (var reader = await statements.Bound(sql, transaction: null).ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(read(reader));
                }
            }

            _idle.Add(statements);
            returned = true;
            return rows;
        }
        finally
        {
            if (!returned)
            {
                // A query that failed may have left the connection in any state: it is not lent again.
                Close(statements);
            }
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var statements))
        {
            Close(statements);
        }
    }

    private static void Close(SqliteStatementCache statements)
    {
        statements.Dispose();
        statements.Connection.Dispose();
    }

    private async Task<SqliteStatementCache> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var settings = connection.CreateCommand())
        {
            settings.CommandText = SqlitePragmas.Pragmas + ReadPragmas;
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        return new SqliteStatementCache(connection);
    }
}
