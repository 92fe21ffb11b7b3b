namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// The current row of a written-out query (<see cref="IReadStatements"/>), read by column position.
/// A column that may be NULL is asked <see cref="IsDBNull"/> first: on SQLite a NULL read as a number
/// or text is 0 or the empty string, not an error (<see cref="SqliteQueryRow"/>).
/// </summary>
internal interface IQueryRow
{
    bool IsDBNull(int column);

    long GetInt64(int column);

    int GetInt32(int column);

    bool GetBoolean(int column);

    string GetString(int column);
}
