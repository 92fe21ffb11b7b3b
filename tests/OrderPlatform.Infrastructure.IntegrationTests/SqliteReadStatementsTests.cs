using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// SQLite's written-out reads (docs/decisions/0010-sqlite-reads-through-its-own-interface.md) on a
/// real file in WAL mode: values bound to the parameters they name and bound again on the next run,
/// values read back as stored, a connection kept between reads that never holds an old snapshot or
/// the log's checkpoint back, and a failed read that leaves the next one unharmed.
/// </summary>
public sealed class SqliteReadStatementsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orderplatform-reads-").FullName;
    private readonly string _connectionString;
    private readonly SqliteReadStatements _reads;

    public SqliteReadStatementsTests()
    {
        _connectionString = $"Data Source={Path.Combine(_folder, "reads.db")};Pooling=False";
        Execute("PRAGMA journal_mode=WAL; CREATE TABLE notes (id INTEGER PRIMARY KEY, count INTEGER NOT NULL, flag INTEGER NOT NULL, text TEXT, due INTEGER)");
        _reads = new SqliteReadStatements(_connectionString);
    }

    [Fact]
    public async Task A_value_goes_to_the_parameter_it_names_even_where_the_parameters_appear_out_of_order()
    {
        var answer = await _reads.ListAsync(FormattableStringFactory.Create("SELECT {1} * 100 + {0}", 2, 7L), row => row.GetInt64(0), CancellationToken.None);

        Assert.Equal([702L], answer);
    }

    [Fact]
    public async Task A_prepared_query_runs_again_with_new_values()
    {
        Execute("INSERT INTO notes VALUES (1, 10, 0, 'a', NULL), (2, 20, 0, 'b', NULL)");

        var first = await _reads.ListAsync($"SELECT count FROM notes WHERE id = {1L}", row => row.GetInt64(0), CancellationToken.None);
        var second = await _reads.ListAsync($"SELECT count FROM notes WHERE id = {2L}", row => row.GetInt64(0), CancellationToken.None);

        Assert.Equal([10L], first);
        Assert.Equal([20L], second);
    }

    [Fact]
    public async Task A_whole_number_too_large_for_32_bits_is_an_error_when_read_as_one_and_a_null_read_as_text_is_empty()
    {
        Execute($"INSERT INTO notes VALUES (1, {int.MaxValue + 1L}, 0, NULL, NULL)");

        await Assert.ThrowsAsync<OverflowException>(() => _reads.ListAsync($"SELECT count FROM notes", row => row.GetInt32(0), CancellationToken.None));
        Assert.Equal([string.Empty], await _reads.ListAsync($"SELECT text FROM notes", row => row.GetString(0), CancellationToken.None));
    }

    [Fact]
    public async Task Values_read_back_as_stored_and_a_null_is_seen_as_null()
    {
        var text = "王先生 👋 \"quoted\"";
        Execute($"INSERT INTO notes VALUES (1, {int.MaxValue + 1L}, 1, '{text.Replace("'", "''", StringComparison.Ordinal)}', NULL), (2, -5, 0, '', 7)");

        var rows = await _reads.ListAsync(
            $"SELECT id, count, flag, text, due FROM notes WHERE id >= {1} AND text IS NOT {null} ORDER BY id",
            row => (Id: row.GetInt32(0), Count: row.GetInt64(1), Flag: row.GetBoolean(2), Text: row.GetString(3), Due: row.IsDBNull(4) ? (long?)null : row.GetInt64(4)),
            CancellationToken.None);

        Assert.Equal([(1, int.MaxValue + 1L, true, text, null), (2, -5L, false, string.Empty, 7L)], rows);
    }

    [Fact]
    public async Task A_connection_kept_between_reads_sees_each_new_commit_and_holds_no_checkpoint_back()
    {
        Execute("INSERT INTO notes VALUES (1, 1, 0, 'a', NULL)");
        Assert.Equal([1L], await CountsAsync());

        Execute("UPDATE notes SET count = 2 WHERE id = 1");

        Assert.Equal([2L], await CountsAsync());
        // busy = 0: no reader's snapshot keeps the log from being copied back and truncated.
        Assert.Equal("0 0 0", Execute("PRAGMA wal_checkpoint(TRUNCATE)"));
    }

    [Fact]
    public async Task A_read_that_fails_part_way_leaves_the_next_read_whole()
    {
        Execute("INSERT INTO notes VALUES (1, 1, 0, 'a', NULL), (2, 2, 0, 'b', NULL)");

        await Assert.ThrowsAsync<InvalidOperationException>(() => _reads.ListAsync(
            $"SELECT count FROM notes ORDER BY id",
            row => row.GetInt64(0) == 2 ? throw new InvalidOperationException("The reader failed.") : row.GetInt64(0),
            CancellationToken.None));
        var failedQuery = await Assert.ThrowsAsync<SqliteException>(() => _reads.ListAsync($"SELECT missing FROM notes", row => row.GetInt64(0), CancellationToken.None));

        Assert.Contains("no such column", failedQuery.Message, StringComparison.Ordinal);
        Assert.Equal([1L, 2L], await CountsAsync());
        Assert.Equal("0 0 0", Execute("PRAGMA wal_checkpoint(TRUNCATE)"));
    }

    [Fact]
    public async Task A_value_of_a_type_without_a_binding_is_refused_before_the_query_runs()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() => _reads.ListAsync($"SELECT {1.5m}", row => row.GetInt64(0), CancellationToken.None));
    }

    public void Dispose()
    {
        _reads.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<List<long>> CountsAsync() => _reads.ListAsync($"SELECT count FROM notes ORDER BY id", row => row.GetInt64(0), CancellationToken.None);

    /// <summary>Runs the SQL on a connection of its own; the first row's values, space-separated.</summary>
    private string Execute(string sql)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        do
        {
            if (values.Count == 0 && reader.Read())
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    values.Add(Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture)!);
                }
            }
        }
        while (reader.NextResult());

        return string.Join(' ', values);
    }
}
