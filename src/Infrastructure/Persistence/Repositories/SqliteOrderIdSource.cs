namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// Order ids from the id_counters row, advanced in the write step's own (immediate) transaction, so
/// concurrent writers cannot draw the same id and a rolled-back order gives its id back.
/// </summary>
internal sealed class SqliteOrderIdSource(IWriteStatements statements) : IOrderIdSource
{
    public async Task<long> NextAsync(CancellationToken cancellationToken) =>
        await statements.ReadNumberAsync(
            $"UPDATE id_counters SET next_value = next_value + 1 WHERE name = {SqliteOrderPlatformDbContext.OrderIdCounter} RETURNING next_value - 1",
            cancellationToken)
        ?? throw new InvalidOperationException("The id_counters row for orders is missing; run the migrations.");
}
