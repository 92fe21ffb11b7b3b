using Microsoft.EntityFrameworkCore;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>Order ids from a SQL Server sequence: no row to contend on, gaps allowed.</summary>
internal sealed class SqlServerOrderIdSource(OrderPlatformDbContext db) : IOrderIdSource
{
    public async Task<long> NextAsync(CancellationToken cancellationToken) =>
        await db.Database
            .SqlQueryRaw<long>($"SELECT NEXT VALUE FOR [{OrderPlatformDbContext.OrderIdSequence}] AS [Value]")
            .SingleAsync(cancellationToken);
}
