using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// Brings the database to the current schema and demo data. The embedded SQLite database is
/// migrated at every start; SQL Server only by the explicit migrate command, never silently.
/// </summary>
public sealed partial class DatabaseInitializer
{
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

    private async Task PrepareAsync(bool migrate, CancellationToken cancellationToken)
    {
        if (migrate)
        {
            if (_database.Provider == DatabaseProvider.Sqlite)
            {
                // WAL is a property of the file: set once, it stays for every later connection.
                await _db.Database.OpenConnectionAsync(cancellationToken);
                await _db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await _db.Database.CloseConnectionAsync();
            }

            var pending = (await _db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await _db.Database.MigrateAsync(cancellationToken);
            LogMigrated(_database.Provider, pending);
        }

        if (_seed.Demo && await _seeder.SeedAsync(cancellationToken))
        {
            LogSeeded();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) is up to date; {Pending} migrations applied")]
    private partial void LogMigrated(DatabaseProvider provider, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data inserted into the empty database")]
    private partial void LogSeeded();
}
