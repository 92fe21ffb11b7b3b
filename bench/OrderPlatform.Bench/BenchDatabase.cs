using Microsoft.Data.Sqlite;

namespace OrderPlatform.Bench;

/// <summary>Connections to the service's SQLite file, set up exactly as the service sets up its own.</summary>
internal static class BenchDatabase
{
    /// <summary>The service's per-connection settings, from src/Infrastructure/Persistence/SqlitePragmas.cs.</summary>
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    /// <summary>Opens an existing file only: the service creates and migrates it, so a wrong path fails here instead of making an empty database.</summary>
    public static SqliteConnection Open(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        var connection = new SqliteConnection(connectionString.ToString());
        connection.Open();
        using (var pragmas = Command(connection, Pragmas))
        {
            pragmas.ExecuteNonQuery();
        }

        // WAL belongs to the file and the service sets it at start; a file without it would not be the service's.
        using var journal = Command(connection, "PRAGMA journal_mode;");
        if (journal.ExecuteScalar() as string != "wal")
        {
            connection.Dispose();
            throw new InvalidOperationException($"{path} is not in WAL mode: start the service on it first, so that it migrates it.");
        }

        return connection;
    }

    /// <summary>A command with its parameters declared (without values) in the order given.</summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }
}
