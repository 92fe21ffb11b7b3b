namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// How the ports write inside a command's write step: statements written out, and rows inserted. On
/// SQLite they run at once on the single writer's connection as prepared statements
/// (<see cref="SqliteWriteStatements"/>); on SQL Server through EF Core (<see cref="EfWriteStatements"/>).
/// </summary>
internal interface IWriteStatements
{
    /// <summary>Runs the statement, its interpolated values as parameters; the number of rows it changed.</summary>
    Task<int> ExecuteAsync(FormattableString sql, CancellationToken cancellationToken);

    /// <summary>Runs the statement, its interpolated values as parameters; the number in the first column of its first row, or null when it returns none.</summary>
    Task<long?> ReadNumberAsync(FormattableString sql, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the entity and what it owns (an order: its lines and its address copy) at once, as EF
    /// Core maps them; the keys the database generates are in the entity when this returns.
    /// </summary>
    Task InsertAsync(object entity, CancellationToken cancellationToken);
}
