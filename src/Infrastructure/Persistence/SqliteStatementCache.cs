using Microsoft.Data.Sqlite;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// A connection's prepared statements, each compiled once and kept for the connection's life: every
/// order runs the same few statements, and compiling them again for each order cost about a quarter
/// of the service's CPU (docs/performance.md). One user at a time: the writer's loop. (Reads keep
/// theirs in <see cref="SqliteReadConnection"/>.)
/// </summary>
internal sealed class SqliteStatementCache(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The statement with this text, its <paramref name="parameterCount"/> parameters @p0, @p1, ... still to be given values.</summary>
    public SqliteCommand Prepared(string sql, int parameterCount, SqliteTransaction? transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Prepare(sql, parameterCount, transaction);
            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>The written-out statement, its interpolated values bound to its parameters; its format string names it.</summary>
    public SqliteCommand Bound(FormattableString sql, SqliteTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (!_commands.TryGetValue(sql.Format, out var command))
        {
            command = Prepare(WrittenOutSql.Text(sql), sql.ArgumentCount, transaction);
            _commands.Add(sql.Format, command);
        }

        command.Transaction = transaction;
        for (var index = 0; index < sql.ArgumentCount; index++)
        {
            command.Parameters[index].Value = sql.GetArgument(index) ?? DBNull.Value;
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private SqliteCommand Prepare(string sql, int parameterCount, SqliteTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (var index = 0; index < parameterCount; index++)
        {
            command.Parameters.Add(new SqliteParameter(WrittenOutSql.ParameterName(index), DBNull.Value));
        }

        command.Prepare();
        return command;
    }
}
