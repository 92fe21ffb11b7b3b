using System.Text;
using SQLitePCL;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// A row of a SQLite statement that has just stepped to it, read straight from the statement
/// (decision 0010): one native call per value. Microsoft.Data.Sqlite's data reader makes three for
/// each (the row's column count, the value's type, then the value), which on a page of orders was
/// over a thousand calls, each taking the connection's mutex.
/// </summary>
internal sealed class SqliteQueryRow(sqlite3_stmt statement) : IQueryRow
{
    public bool IsDBNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public long GetInt64(int column) => raw.sqlite3_column_int64(statement, column);

    /// <summary>SQLite keeps every whole number as 64 bits; one that does not fit is an error, as ADO.NET makes it.</summary>
    public int GetInt32(int column) => checked((int)raw.sqlite3_column_int64(statement, column));

    public bool GetBoolean(int column) => raw.sqlite3_column_int64(statement, column) != 0;

    /// <summary>SQLite stores text as UTF-8 here, so its bytes are the text as stored, with no conversion.</summary>
    public string GetString(int column) => Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, column));
}
