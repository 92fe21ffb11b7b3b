using Microsoft.EntityFrameworkCore.Storage;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// Order ids from the id_counters row, advanced in the write step's own (immediate) transaction, so
/// concurrent writers cannot draw the same id and a rolled-back order gives its id back.
/// </summary>
internal sealed class SqliteOrderIdSource(OrderPlatformDbContext db) : IOrderIdSource
{
    private const string Advance =
        "UPDATE id_counters SET next_value = next_value + 1 WHERE name = $name RETURNING next_value - 1;";

    public async Task<long> NextAsync(CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Order ids are drawn inside the write step's transaction.");
        await using var command = transaction.Connection!.CreateCommand();
        command.CommandText = Advance;
        command.Transaction = transaction;
        var name = command.CreateParameter();
        name.ParameterName = "$name";
        name.Value = SqliteOrderPlatformDbContext.OrderIdCounter;
        command.Parameters.Add(name);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is long id ? id : throw new InvalidOperationException("The id_counters row for orders is missing; run the migrations.");
    }
}
