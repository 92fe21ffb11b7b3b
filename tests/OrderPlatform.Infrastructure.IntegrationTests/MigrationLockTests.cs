using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// A process killed while it migrates the SQLite file leaves EF Core's migration lock row behind
/// (tests/reliability/kill_during_start.py kills real starts). The next start must still come up:
/// a migrated file needs no lock, and a stale lock on a file that still has migrations to apply is released.
/// </summary>
public sealed class MigrationLockTests : IDisposable
{
    private const string CreateLockTable =
        "CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "orderplatform-tests", Guid.NewGuid().ToString("N"));

    public MigrationLockTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_start_on_a_file_whose_migration_was_killed_long_enough_ago_releases_the_lock_and_migrates()
    {
        var path = Path.Combine(_folder, "killed-while-migrating.db");
        await ExecuteAsync(path, CreateLockTable, $"INSERT INTO \"__EFMigrationsLock\" VALUES (1, '{DateTimeOffset.UtcNow.AddMinutes(-5):yyyy-MM-dd HH:mm:ss.fffffff}+00:00');");

        await using var host = await OrderPlatformHost.StartAsync(sharedDatabasePath: path);

        var (orders, locks) = await host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<OrderPlatformDbContext>();
            return (
                await db.Orders.CountAsync(),
                await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsLock\"").SingleAsync());
        });
        Assert.Equal((0, 0), (orders, locks));
    }

    [Fact]
    public async Task A_restart_on_a_migrated_file_does_not_wait_for_a_lock_left_by_a_killed_start()
    {
        string path;
        await using (var first = await OrderPlatformHost.StartAsync(sharedDatabasePath: Path.Combine(_folder, "migrated.db")))
        {
            path = first.DatabasePath;
        }

        await ExecuteAsync(path, $"INSERT OR REPLACE INTO \"__EFMigrationsLock\" VALUES (1, '{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss.fffffff}+00:00');");

        await using var restarted = await OrderPlatformHost.StartAsync(sharedDatabasePath: path);

        Assert.True(await restarted.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Products.AnyAsync()));
    }

    private static async Task ExecuteAsync(string path, params string[] statements)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync();
        }
    }
}
