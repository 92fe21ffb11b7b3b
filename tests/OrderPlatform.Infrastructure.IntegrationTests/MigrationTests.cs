using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>Both providers' migrations: SQLite applies for real, SQL Server scripts offline (no engine runs here).</summary>
public sealed class MigrationTests(OrderPlatformHost host) : IClassFixture<OrderPlatformHost>
{
    [Fact]
    public async Task The_sqlite_migrations_create_every_table_and_leave_nothing_pending()
    {
        var (tables, pending, journal) = await host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<OrderPlatformDbContext>();
            var names = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
            var journalMode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
            return (names, (await db.Database.GetPendingMigrationsAsync()).Count(), journalMode);
        });

        Assert.Equal(0, pending);
        Assert.Equal("wal", journal);
        Assert.Superset(
            new HashSet<string>
            {
                "orders", "order_details", "order_addresses", "users", "user_groups", "products", "product_options",
                "product_option_values", "product_skus", "product_sku_values", "addresses", "id_counters",
                "coupons", "coupon_goods", "coupon_codes", "coupon_usages", "cart_items",
            },
            tables.ToHashSet());
    }

    [Fact]
    public void The_sql_server_migrations_script_idempotently_with_a_sequence_and_rowversion()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE SEQUENCE [order_ids]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [orders]", script, StringComparison.Ordinal);
        Assert.Contains("[row_version] rowversion", script, StringComparison.Ordinal);
        Assert.Contains("[amount] bigint NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("[code] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
    }
}
