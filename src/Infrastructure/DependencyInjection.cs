using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Infrastructure.Auth;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Persistence.Queries;
using OrderPlatform.Infrastructure.Persistence.Repositories;
using OrderPlatform.Infrastructure.Scheduling;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers persistence (the provider chosen by Database:Provider; reads may go to a replica,
    /// R67), the ports' implementations, tokens and the scheduler that closes overdue orders (R64). With AddApplication() this is all an in-process caller needs to send commands.
    /// Read-side contexts (and SQL Server's) are pooled: setting up a context's internal services costs more per request than most of its queries.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.SectionName));
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName))
            .Validate(
                o => System.Text.Encoding.UTF8.GetByteCount(o.TokenSecret) >= AuthOptions.MinimumSecretBytes,
                $"Auth:TokenSecret must be set to at least {AuthOptions.MinimumSecretBytes} bytes (R13).")
            .ValidateOnStart();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set.");
        var readConnectionString = configuration.GetConnectionString(ReadSide.ConnectionStringName) is { Length: > 0 } replica
            ? replica
            : connectionString;
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContextPool<OrderPlatformDbContext>(options => UseSqlServer(options, connectionString));
            services.AddScoped<IOrderIdSource, SqlServerOrderIdSource>();
            services.AddSingleton<IWriteTransactions, TransactionPerWrite>();
            services.AddScoped<IWriteStatements, EfWriteStatements>();
            services.AddScoped<IReadStatements, EfReadStatements>();
            var readContexts = new PooledDbContextFactory<OrderPlatformDbContext>(
                ReadOptions(new DbContextOptionsBuilder<OrderPlatformDbContext>(), readConnectionString, UseSqlServer));
            services.AddKeyedScoped(ReadSide.ContextKey, (_, _) => readContexts.CreateDbContext());
            services.AddKeyedScoped<IReadStatements>(ReadSide.ContextKey, (provider, key) => new EfReadStatements(provider.GetRequiredKeyedService<OrderPlatformDbContext>(key)));
        }
        else
        {
            EnsureSqliteFolder(connectionString);
            SqliteLibrary.Configure();
            // Pooled: setting a context up costs more than most reads it makes, and on SQLite it only reads
            // (write steps run on the single writer's own connection, SqliteWriteStatements).
            services.AddDbContextPool<SqliteOrderPlatformDbContext>(options => UseSqlite(options, connectionString));
            services.AddScoped<OrderPlatformDbContext>(provider => provider.GetRequiredService<SqliteOrderPlatformDbContext>());
            services.AddScoped<IOrderIdSource, SqliteOrderIdSource>();
            // Made by a factory so that the container disposes it: its loop ends and its connection closes with the service.
            services.AddSingleton(_ => new SqliteGroupCommit(connectionString));
            services.AddSingleton<IWriteTransactions>(provider => provider.GetRequiredService<SqliteGroupCommit>());
            services.AddSingleton<SqliteInsertPlans>();
            services.AddScoped<IWriteStatements, SqliteWriteStatements>();
            services.AddSingleton<IReadStatements>(_ => new SqliteReadStatements(connectionString));
            services.AddKeyedSingleton<IReadStatements>(ReadSide.ContextKey, (_, _) => new SqliteReadStatements(readConnectionString));
        }

        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddScoped<IOrderRepository, OrderRepository>();
        services.AddSingleton<OrderNumbersGiven>();
        services.AddScoped<ICatalog, Catalog>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IStockLedger, StockLedger>();
        services.AddScoped<IAddressBook, AddressBook>();
        services.AddScoped<ICouponBook, CouponBook>();
        services.AddScoped<ICart, Cart>();
        services.AddScoped<IIdempotencyRecords, IdempotencyRecords>();
        services.AddScoped<IOrderReadModel, OrderReadModel>();
        services.AddHostedService<SweepScheduler>();
        services.AddSingleton<ITokenService, AnqiTokenService>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped(provider => new DatabaseInitializer(
            provider.GetRequiredService<OrderPlatformDbContext>(),
            provider.GetRequiredService<DemoDataSeeder>(),
            provider.GetRequiredService<IOptions<DatabaseOptions>>(),
            provider.GetRequiredService<IOptions<SeedOptions>>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DatabaseInitializer>>()));
        return services;
    }

    /// <summary>How the write side and the read side (R67) both reach SQL Server: transient faults are retried.</summary>
    private static void UseSqlServer(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure());

    /// <summary>How the write side and the read side (R67) both reach SQLite: every connection gets the durability and locking pragmas.</summary>
    private static void UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas());

    /// <summary>The read side's options: the same provider set-up on its own connection string, and nothing tracked.</summary>
    private static DbContextOptions<TContext> ReadOptions<TContext>(
        DbContextOptionsBuilder<TContext> options, string connectionString, Action<DbContextOptionsBuilder, string> useProvider)
        where TContext : DbContext
    {
        useProvider(options, connectionString);
        return options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && !string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
