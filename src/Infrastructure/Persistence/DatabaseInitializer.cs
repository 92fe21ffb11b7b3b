using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// Brings the database to the current schema and demo data. The embedded SQLite database is
/// migrated at every start; SQL Server only by the explicit migrate command (or the Development-only
/// reset-demo), never silently.
/// </summary>
public sealed partial class DatabaseInitializer
{
    /// <summary>Migrating this schema from nothing takes well under a second; a lock this old has no live owner.</summary>
    private const int StaleMigrationLockSeconds = 15;

    private const string MigrationLockTableCountSql =
        "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";

    private const string MigrationLockCountSql = "SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsLock\"";

    /// <remarks>EF Core writes the lock's timestamp in UTC as 'yyyy-MM-dd HH:mm:ss.fffffff+00:00'; its first 19 characters are what julianday reads.</remarks>
    private const string ReleaseStaleMigrationLockSql =
        "DELETE FROM \"__EFMigrationsLock\" WHERE (julianday('now') - julianday(substr(\"Timestamp\", 1, 19))) * 86400 > {0}";

    private readonly OrderPlatformDbContext _db;
    private readonly DemoDataSeeder _seeder;
    private readonly DatabaseOptions _database;
    private readonly SeedOptions _seed;
    private readonly ILogger<DatabaseInitializer> _logger;

    internal DatabaseInitializer(
        OrderPlatformDbContext db,
        DemoDataSeeder seeder,
        IOptions<DatabaseOptions> database,
        IOptions<SeedOptions> seed,
        ILogger<DatabaseInitializer> logger)
    {
        _db = db;
        _seeder = seeder;
        _database = database.Value;
        _seed = seed.Value;
        _logger = logger;
    }

    /// <summary>At service start: migrates SQLite (SQL Server is left alone), then seeds demo data if asked.</summary>
    public Task PrepareForStartAsync(CancellationToken cancellationToken) =>
        PrepareAsync(migrate: _database.Provider == DatabaseProvider.Sqlite, cancellationToken);

    /// <summary>The migrate command: applies pending migrations on any provider, then seeds demo data if asked.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken) => PrepareAsync(migrate: true, cancellationToken);

    /// <summary>
    /// The reset-demo command, for Development databases only: migrates, then in one transaction deletes
    /// every row (orders, coupon uses, cart items, addresses, stock levels, users...) and inserts the demo
    /// data again, whatever Seed:Demo says. A service running on the same database never sees it half
    /// reset. Returns the number of rows deleted.
    /// </summary>
    public async Task<int> ResetDemoDataAsync(CancellationToken cancellationToken)
    {
        await MigrateSchemaAsync(cancellationToken);
        return await _db.Database.CreateExecutionStrategy().ExecuteAsync(
            async attempt =>
            {
                // A retried attempt starts again from nothing: the failed one's seeded entities are still tracked.
                _db.ChangeTracker.Clear();
                await using var transaction = await _db.Database.BeginTransactionAsync(attempt);
                var deleted = await DemoDatabaseWipe.DeleteEveryRowAsync(_db, attempt);
                await _seeder.SeedAsync(attempt);
                await transaction.CommitAsync(attempt);
                return deleted;
            },
            cancellationToken);
    }

    private async Task PrepareAsync(bool migrate, CancellationToken cancellationToken)
    {
        if (migrate)
        {
            await MigrateSchemaAsync(cancellationToken);
        }

        if (_seed.Demo && await _seeder.SeedAsync(cancellationToken))
        {
            LogSeeded();
        }
    }

    private async Task MigrateSchemaAsync(CancellationToken cancellationToken)
    {
        if (_database.Provider == DatabaseProvider.Sqlite)
        {
            // WAL is a property of the file: set once, it stays for every later connection.
            await _db.Database.OpenConnectionAsync(cancellationToken);
            await _db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await _db.Database.CloseConnectionAsync();
        }

        var pending = (await _db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0)
        {
            if (_database.Provider == DatabaseProvider.Sqlite)
            {
                await WaitForMigrationLockAsync(cancellationToken);
            }

            // Only when something is pending: migrating takes EF Core's migration lock, which a process killed meanwhile leaves behind.
            await _db.Database.MigrateAsync(cancellationToken);
        }

        LogMigrated(_database.Provider, pending);
    }

    /// <summary>
    /// EF Core's SQLite migration lock is a row that only the migrating process deletes (dotnet/efcore
    /// issue 38958): a process killed while migrating leaves it, and every later start would wait on
    /// it forever. A lock older than any migration of this schema takes is released; a younger one
    /// belongs to an instance migrating now, and is waited for.
    /// </summary>
    private async Task WaitForMigrationLockAsync(CancellationToken cancellationToken)
    {
        while (await _db.Database.SqlQueryRaw<int>(MigrationLockTableCountSql).SingleAsync(cancellationToken) > 0)
        {
            var released = await _db.Database.ExecuteSqlRawAsync(ReleaseStaleMigrationLockSql, [StaleMigrationLockSeconds], cancellationToken);
            if (released > 0)
            {
                LogReleasedStaleMigrationLock(StaleMigrationLockSeconds);
            }

            if (await _db.Database.SqlQueryRaw<int>(MigrationLockCountSql).SingleAsync(cancellationToken) == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Released a migration lock older than {Seconds} s, left by a process that stopped while migrating")]
    private partial void LogReleasedStaleMigrationLock(int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) is up to date; {Pending} migrations applied")]
    private partial void LogMigrated(DatabaseProvider provider, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data inserted into the empty database")]
    private partial void LogSeeded();
}
