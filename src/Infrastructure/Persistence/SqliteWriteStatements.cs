using System.Globalization;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// SQLite's write statements: run at once, in the step's turn on the single writer's connection
/// (<see cref="SqliteGroupCommit"/>), as that connection's prepared statements
/// (<see cref="SqliteStatementCache"/>), not through EF Core's change tracker, whose saving was most
/// of the single writer's time per order (docs/performance.md). Rows go in in the order the step
/// inserts them, so a row is inserted after the rows its foreign keys name. The context is asked
/// only for its model: it never writes on SQLite.
/// </summary>
internal sealed class SqliteWriteStatements(OrderPlatformDbContext db, SqliteGroupCommit writer, SqliteInsertPlans plans) : IWriteStatements
{
    public Task<int> ExecuteAsync(FormattableString sql, CancellationToken cancellationToken)
    {
        var turn = writer.CurrentTurn();
        return turn.Statements.Bound(sql, turn.Transaction).ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long?> ReadNumberAsync(FormattableString sql, CancellationToken cancellationToken)
    {
        var turn = writer.CurrentTurn();
        return await turn.Statements.Bound(sql, turn.Transaction).ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : null;
    }

    public Task InsertAsync(object entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var turn = writer.CurrentTurn();
        var entityType = db.Model.FindEntityType(entity.GetType()) ?? throw new InvalidOperationException($"{entity.GetType().Name} is not an entity of the model.");
        return plans.For(entityType).InsertAsync(entity, turn.Statements, turn.Transaction, cancellationToken);
    }
}
