using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>SQL Server's written-out reads: on the command's connection, inside its write step's transaction when there is one.</summary>
internal sealed class EfReadStatements(OrderPlatformDbContext db) : IReadStatements
{
    public bool PagesWithLimit => false;

    public async Task<List<T>> ListAsync<T>(FormattableString sql, Func<IQueryRow, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(read);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = WrittenOutSql.CreateCommand(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), sql);

            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var row = new DataReaderRow(reader);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(row));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
