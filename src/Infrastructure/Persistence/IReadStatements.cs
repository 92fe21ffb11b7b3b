namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// Written-out queries for the reads every order makes (the buyer, the catalogue): on SQLite they
/// run as prepared statements on connections kept open for them (<see cref="SqliteReadStatements"/>),
/// which spares compiling the same SQL on every order; on SQL Server through the command's context
/// (<see cref="EfReadStatements"/>). Each query reads committed data as of its own start.
/// </summary>
internal interface IReadStatements
{
    /// <summary>Runs the query, its interpolated values as parameters; each row as <paramref name="read"/> makes it.</summary>
    Task<List<T>> ListAsync<T>(FormattableString sql, Func<IQueryRow, T> read, CancellationToken cancellationToken);

    /// <summary>Whether the database pages with LIMIT ... OFFSET (SQLite), rather than OFFSET ... FETCH (SQL Server).</summary>
    bool PagesWithLimit { get; }
}
