using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderPlatform.Application;
using OrderPlatform.Infrastructure;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Benchmarks.Persistence;

/// <summary>
/// A temporary SQLite file behind the real Application and Infrastructure, as the service runs them
/// (WAL, synchronous=FULL): migrated and seeded by the service's own initializer, then prepared as
/// bench/run.sh prepares it (bench/OrderPlatform.Bench/Prepare/PrepareCommand.cs): active buyers
/// that already have the second scenario's address, coupon codes of the seed's "20 off" coupon,
/// and stock no run can empty. Each buyer may redeem each code once, so every operation takes the
/// next (buyer, code) pair and none is refused for a coupon it already used.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const long FirstBuyerId = 100_001;

    private const int Buyers = 1000;

    /// <summary>More (buyer, code) pairs than one benchmark process uses: at most about 150 iterations of half a second, at 0.4 ms or more per order.</summary>
    private const int CouponCodes = 500;

    private const long Stock = 1_000_000_000;

    private readonly DirectoryInfo _folder;
    private long _placed;

    private BenchDatabase(DirectoryInfo folder, ServiceProvider services)
    {
        _folder = folder;
        Services = services;
    }

    public ServiceProvider Services { get; }

    /// <summary>Where <see cref="FileStorage.Tmpfs"/> files go; only Linux has it.</summary>
    public const string TmpfsFolder = "/dev/shm";

    public static async Task<BenchDatabase> CreateAsync(FileStorage storage)
    {
        var folder = storage == FileStorage.Tmpfs
            ? Directory.CreateDirectory(Path.Combine(TmpfsFolder, "orderplatform-benchmarks-" + Guid.NewGuid().ToString("N")))
            : Directory.CreateTempSubdirectory("orderplatform-benchmarks-");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.FullName, "orders.db") }.ToString();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:OrderPlatform"] = connectionString,
                ["Seed:Demo"] = "true",
                ["Auth:TokenSecret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddApplication(configuration).AddInfrastructure(configuration);
        // Without scope validation, as the service runs outside Development: checking every resolution costs time per request.
        var database = new BenchDatabase(folder, services.BuildServiceProvider());

        await using (var scope = database.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PrepareForStartAsync(CancellationToken.None);
        }

        Prepare(connectionString);
        return database;
    }

    /// <summary>The buyer and coupon code of the next order: every buyer in turn, then the next code.</summary>
    public (long BuyerId, string CouponCode) NextOrder()
    {
        var placed = _placed++;
        var code = placed / Buyers;
        return code < CouponCodes
            ? (FirstBuyerId + (placed % Buyers), CouponCode(code))
            : throw new InvalidOperationException($"All {Buyers * CouponCodes} (buyer, coupon code) pairs are used: raise CouponCodes.");
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    /// <summary>The coupon code numbered <paramref name="number"/>; each buyer may redeem each once.</summary>
    public static string CouponCode(long number) => "BENCH-" + number.ToString(CultureInfo.InvariantCulture);

    private static void Prepare(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        for (var id = FirstBuyerId; id < FirstBuyerId + Buyers; id++)
        {
            Execute(
                connection,
                "INSERT INTO users (id, user_name, status, group_id, parent_id, is_retailer) VALUES ($id, $name, 1, $group, 0, 0);",
                ("$id", id),
                ("$name", "bench-" + id.ToString(CultureInfo.InvariantCulture)),
                ("$group", DemoData.MemberGroupId));
            var shipTo = Scenarios.SeedOrders.ShipTo;
            Execute(
                connection,
                """
                INSERT INTO addresses (user_id, name, phone, province, city, country, address_info, postcode, created_time, updated_time)
                VALUES ($user, $name, $phone, $province, $city, $district, $detail, $postcode, $now, $now);
                """,
                ("$user", id),
                ("$name", shipTo.Name!),
                ("$phone", shipTo.Phone!),
                ("$province", shipTo.Province!),
                ("$city", shipTo.City!),
                ("$district", shipTo.Country!),
                ("$detail", shipTo.AddressInfo!),
                ("$postcode", shipTo.Postcode!),
                ("$now", now));
        }

        for (var number = 0L; number < CouponCodes; number++)
        {
            Execute(
                connection,
                "INSERT INTO coupon_codes (coupon_id, code, user_id, max_uses, used_count, get_time) VALUES ($coupon, $code, 0, $uses, 0, $now);",
                ("$coupon", DemoData.FixedCouponId),
                ("$code", CouponCode(number)),
                ("$uses", Buyers),
                ("$now", now));
        }

        Execute(connection, "UPDATE products SET stock = $stock WHERE id = $id;", ("$stock", Stock), ("$id", DemoData.SingleProductId));
        Execute(connection, "UPDATE product_skus SET stock = $stock WHERE id IN ($shirt, $jacket);", ("$stock", Stock), ("$shirt", DemoData.SmallShirtSkuId), ("$jacket", DemoData.SmallDenimJacketSkuId));
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
