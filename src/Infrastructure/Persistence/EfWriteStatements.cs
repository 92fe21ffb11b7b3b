using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// SQL Server's write statements: through EF Core, on the step's own transaction. An inserted entity
/// (with what it owns and holds) is saved at once, as on SQLite, so it carries its generated keys
/// before the step's next write and rows go in in the order the step inserts them. This is the one
/// place that saves changes a command makes.
/// </summary>
internal sealed class EfWriteStatements(OrderPlatformDbContext db) : IWriteStatements
{
    public Task<int> ExecuteAsync(FormattableString sql, CancellationToken cancellationToken)
    {
        EnsureWriting();
        return db.Database.ExecuteSqlAsync(sql, cancellationToken);
    }

    public async Task<long?> ReadNumberAsync(FormattableString sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sql);
        EnsureWriting();
        await using var command = WrittenOutSql.CreateCommand(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), sql);

        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public async Task InsertAsync(object entity, CancellationToken cancellationToken)
    {
        EnsureWriting();
        db.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void EnsureWriting()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Ports write only inside a command's write step (IUnitOfWork.WriteAsync).");
        }
    }
}
