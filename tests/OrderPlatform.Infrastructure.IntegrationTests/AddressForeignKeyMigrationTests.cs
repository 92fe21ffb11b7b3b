using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// Upgrading a database that orders were placed in before orders.address_id became a foreign key:
/// AnQiCMS lets buyers delete saved addresses, so some orders may point at addresses that are gone.
/// </summary>
public sealed class AddressForeignKeyMigrationTests : IDisposable
{
    private const string BeforeTheForeignKey = "20261128143851_CouponsAndCart";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "orderplatform-tests", Guid.NewGuid().ToString("N"));

    public AddressForeignKeyMigrationTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task R31_an_order_whose_saved_address_was_deleted_keeps_its_copy_and_loses_only_the_link()
    {
        await using var db = new SqliteOrderPlatformDbContext(new DbContextOptionsBuilder<SqliteOrderPlatformDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "upgrade.db")}")
            .Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(BeforeTheForeignKey);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO users (id, user_name, status, group_id, parent_id, is_retailer) VALUES (1000, 'buyer', 1, 0, 0, 0);
            INSERT INTO addresses (id, user_id, name, phone, province, city, country, address_info, postcode, created_time, updated_time)
                VALUES (7, 1000, 'Kept', '010-1', 'P', 'C', 'D', 'Street 1', '100000', 0, 0);
            INSERT INTO orders (id, order_id, user_id, type, status, remark, seller_id, share_user_id, share_parent_user_id, address_id,
                    created_time, updated_time, end_time, currency, origin_amount, discount_amount, amount, seller_amount, share_amount,
                    share_parent_amount, seller_percent, share_percent, share_parent_percent, version)
                VALUES (1, '202611300000000001', 1000, 'goods', 0, '', 15, 0, 0, 7, 0, 0, 0, 'CNY', 9900, 0, 9900, 7920, 0, 0, 80, 0, 0, 0),
                       (2, '202611300000000002', 1000, 'goods', 0, '', 15, 0, 0, 8, 0, 0, 0, 'CNY', 9900, 0, 9900, 7920, 0, 0, 80, 0, 0, 0);
            INSERT INTO order_addresses (order_id, name, phone, province, city, country, address_info, postcode)
                VALUES (2, 'Deleted', '010-2', 'P', 'C', 'D', 'Street 2', '100000');
            """);

        await migrator.MigrateAsync();

        var links = await db.Database.SqlQueryRaw<long?>("SELECT address_id AS Value FROM orders ORDER BY id").ToListAsync();
        var copy = await db.Database.SqlQueryRaw<string>("SELECT address_info AS Value FROM order_addresses WHERE order_id = 2").SingleAsync();
        Assert.Equal([7L, null], links);
        Assert.Equal("Street 2", copy);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
