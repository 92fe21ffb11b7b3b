using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// SQL Server's write statements: through EF Core, on the step's own transaction. An inserted entity
/// is staged and saved when the step ends, so EF Core orders the rows by their foreign keys.
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

    public Task InsertAsync(object entity, CancellationToken cancellationToken)
    {
        EnsureWriting();
        db.Add(entity);
        return Task.CompletedTask;
    }

    private void EnsureWriting()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Ports write only inside a command's write step (IUnitOfWork.WriteAsync).");
        }
    }
}
