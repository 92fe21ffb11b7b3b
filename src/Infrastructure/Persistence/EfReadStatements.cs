using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>SQL Server's written-out reads: on the command's connection, inside its write step's transaction when there is one.</summary>
internal sealed class EfReadStatements(OrderPlatformDbContext db) : IReadStatements
{
    public async Task<List<T>> ListAsync<T>(FormattableString sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(read);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = WrittenOutSql.Text(sql);
            for (var index = 0; index < sql.ArgumentCount; index++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = WrittenOutSql.ParameterName(index);
                parameter.Value = sql.GetArgument(index) ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
