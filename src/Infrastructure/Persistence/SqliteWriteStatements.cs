using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// SQLite's write statements: run at once, in the step's savepoint, as the writer connection's
/// prepared statements (<see cref="SqliteStatementCache"/>), not through EF Core's change tracker,
/// whose saving was most of the single writer's time per order (docs/performance.md). Rows go in
/// in the order the step inserts them, so a row is inserted after the rows its foreign keys name.
/// </summary>
internal sealed class SqliteWriteStatements(OrderPlatformDbContext db, SqliteGroupCommit writer, SqliteInsertPlans plans) : IWriteStatements
{
    public Task<int> ExecuteAsync(FormattableString sql, CancellationToken cancellationToken)
    {
        var (statements, transaction) = Writing();
        return statements.Bound(sql, transaction).ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long?> ReadNumberAsync(FormattableString sql, CancellationToken cancellationToken)
    {
        var (statements, transaction) = Writing();
        return await statements.Bound(sql, transaction).ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : null;
    }

    public Task InsertAsync(object entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var (statements, transaction) = Writing();
        var entityType = db.Model.FindEntityType(entity.GetType()) ?? throw new InvalidOperationException($"{entity.GetType().Name} is not an entity of the model.");
        return plans.For(entityType).InsertAsync(entity, statements, transaction, cancellationToken);
    }

    private (SqliteStatementCache Statements, SqliteTransaction Transaction) Writing()
    {
        db.EnsureWriting();
        var transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        return (writer.StatementsOn(transaction.Connection!), transaction);
    }
}
