using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// R62: upgrading a database that already holds orders. The list's totals come from
/// buyer_order_counts, so the upgrade fills it from the orders there, and from then on the
/// database's triggers keep it with every insert, status change and delete, by whoever writes.
/// </summary>
public sealed class BuyerOrderCountMigrationTests : IDisposable
{
    private const string BeforeTheCounts = "20261130144012_OrderAddressBookEntry";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "orderplatform-tests", Guid.NewGuid().ToString("N"));

    public BuyerOrderCountMigrationTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task R62_the_upgrade_counts_the_orders_already_there_and_the_triggers_keep_counting()
    {
        await using var db = new SqliteOrderPlatformDbContext(new DbContextOptionsBuilder<SqliteOrderPlatformDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "upgrade.db")}")
            .Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(BeforeTheCounts);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO users (id, user_name, status, group_id, parent_id, is_retailer) VALUES (1000, 'buyer', 1, 0, 0, 0), (2001, 'other', 1, 0, 0, 0);
            INSERT INTO orders (
                    id, order_id, user_id, type, status, remark, seller_id, share_user_id, share_parent_user_id, created_time, updated_time,
                    end_time, currency, origin_amount, discount_amount, amount, seller_amount, share_amount, share_parent_amount,
                    seller_percent, share_percent, share_parent_percent, version)
                VALUES (1, '202611300000000001', 1000, 'goods', 0, '', 15, 0, 0, 0, 0, 0, 'CNY', 9900, 0, 9900, 7920, 0, 0, 80, 0, 0, 0),
                       (2, '202611300000000002', 1000, 'goods', 0, '', 15, 0, 0, 0, 0, 0, 'CNY', 9900, 0, 9900, 7920, 0, 0, 80, 0, 0, 0),
                       (3, '202611300000000003', 1000, 'goods', -1, '', 15, 0, 0, 0, 0, 0, 'CNY', 9900, 0, 9900, 7920, 0, 0, 80, 0, 0, 0),
                       (4, '202611300000000004', 1000, 'goods', 1, '', 15, 0, 0, 0, 0, 0, 'CNY', 9900, 0, 9900, 7920, 0, 0, 80, 0, 0, 0),
                       (5, '202611300000000005', 2001, 'goods', 0, '', 15, 0, 0, 0, 0, 0, 'CNY', 9900, 0, 9900, 7920, 0, 0, 80, 0, 0, 0);
            """);

        await migrator.MigrateAsync();

        Assert.Equal([(1000L, -1, 1L), (1000L, 0, 2L), (1000L, 1, 1L), (2001L, 0, 1L)], await CountsAsync(db));

        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO orders (
                    id, order_id, user_id, type, status, remark, seller_id, share_user_id, share_parent_user_id, created_time, updated_time,
                    end_time, currency, origin_amount, discount_amount, amount, seller_amount, share_amount, share_parent_amount,
                    seller_percent, share_percent, share_parent_percent, version)
                VALUES (6, '202611300000000006', 2001, 'goods', 0, '', 15, 0, 0, 0, 0, 0, 'CNY', 9900, 0, 9900, 7920, 0, 0, 80, 0, 0, 0);
            UPDATE orders SET status = -1 WHERE id = 1;
            UPDATE orders SET status = 1, paid_time = 1, payment_id = 'pay-2' WHERE id = 2;
            UPDATE orders SET remark = 'status unchanged' WHERE id = 4;
            DELETE FROM orders WHERE id = 3;
            """);

        Assert.Equal([(1000L, -1, 1L), (1000L, 0, 0L), (1000L, 1, 2L), (2001L, 0, 2L)], await CountsAsync(db));
    }

    private static async Task<List<(long UserId, int Status, long Orders)>> CountsAsync(SqliteOrderPlatformDbContext db) =>
        (await db.BuyerOrderCounts.AsNoTracking().OrderBy(c => c.UserId).ThenBy(c => c.Status).ToListAsync())
            .ConvertAll(c => (c.UserId, c.Status, c.Orders));
}
