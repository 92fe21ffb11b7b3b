using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// A connection kept open for reads, with its queries prepared once for its life and run through
/// SQLite's own interface (decision 0010). One user at a time: the read that has leased it from
/// <see cref="SqliteReadStatements"/>.
/// </summary>
internal sealed class SqliteReadConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, PreparedQuery> _queries = new(StringComparer.Ordinal);

    private SqliteReadConnection(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens a connection with <paramref name="settings"/> (PRAGMA statements) applied.</summary>
    public static SqliteReadConnection Open(string connectionString, string settings)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = settings;
            command.ExecuteNonQuery();
            return new SqliteReadConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the query, its interpolated values bound to its parameters; its format string names its
    /// prepared statement. The statement is reset whatever happens: SQLite binds new values only to a
    /// reset statement, and one left part-way would keep a read transaction open, holding back the
    /// write-ahead log's checkpoints.
    /// </summary>
    public List<T> Query<T>(FormattableString sql, Func<IQueryRow, T> read)
    {
        var query = PreparedFor(sql);
        var statement = query.Statement;
        try
        {
            for (var argument = 0; argument < sql.ArgumentCount; argument++)
            {
                Check(Bind(statement, query.ParameterIndexes[argument], sql.GetArgument(argument)));
            }

            var row = new SqliteQueryRow(statement);
            var rows = new List<T>();
            int stepped;
            while ((stepped = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                rows.Add(read(row));
            }

            if (stepped != raw.SQLITE_DONE)
            {
                Check(stepped);
            }

            return rows;
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    public void Dispose()
    {
        // Each statement is finalized before the connection closes or goes back to the pool.
        foreach (var query in _queries.Values)
        {
            query.Statement.Dispose();
        }

        _queries.Clear();
        _connection.Dispose();
    }

    private static int Bind(sqlite3_stmt statement, int parameter, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, parameter),
        long number => raw.sqlite3_bind_int64(statement, parameter, number),
        int number => raw.sqlite3_bind_int64(statement, parameter, number),
        bool flag => raw.sqlite3_bind_int64(statement, parameter, flag ? 1 : 0),
        string text => raw.sqlite3_bind_text(statement, parameter, text),
        _ => throw new NotSupportedException($"A read's value of type {value.GetType().Name} has no SQLite binding here."),
    };

    private PreparedQuery PreparedFor(FormattableString sql)
    {
        if (_queries.TryGetValue(sql.Format, out var query))
        {
            return query;
        }

        Check(raw.sqlite3_prepare_v3(_connection.Handle, WrittenOutSql.Text(sql), raw.SQLITE_PREPARE_PERSISTENT, out var statement, out _));
        try
        {
            // SQLite numbers parameters by first appearance in the text, which is not always @p0, @p1, ...
            var indexes = new int[sql.ArgumentCount];
            for (var argument = 0; argument < indexes.Length; argument++)
            {
                indexes[argument] = raw.sqlite3_bind_parameter_index(statement, WrittenOutSql.ParameterName(argument));
            }

            query = new PreparedQuery(statement, indexes);
        }
        catch
        {
            statement.Dispose();
            throw;
        }

        _queries.Add(sql.Format, query);
        return query;
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _connection.Handle);
        }
    }

    private sealed record PreparedQuery(sqlite3_stmt Statement, int[] ParameterIndexes);
}
