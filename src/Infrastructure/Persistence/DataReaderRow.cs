using System.Data.Common;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>A query row read through ADO.NET's data reader (SQL Server, <see cref="EfReadStatements"/>).</summary>
internal sealed class DataReaderRow(DbDataReader reader) : IQueryRow
{
    public bool IsDBNull(int column) => reader.IsDBNull(column);

    public long GetInt64(int column) => reader.GetInt64(column);

    public int GetInt32(int column) => reader.GetInt32(column);

    public bool GetBoolean(int column) => reader.GetBoolean(column);

    public string GetString(int column) => reader.GetString(column);
}
