using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// The service as an internal caller hosts it, without the Api: AddApplication() +
/// AddInfrastructure(config) over a real SQLite file in a temp folder, migrated and seeded.
/// <see cref="StartAsync"/> builds one with extra settings, its own clock, or another host's
/// database file (a second service instance on the same database).
/// </summary>
public sealed class OrderPlatformHost : IAsyncLifetime, IAsyncDisposable
{
    public const string TokenSecret = "integration-tests-secret-of-at-least-32-bytes";

    private readonly string _folder;
    private readonly bool _ownsFolder;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;
    private bool _disposed;

    public OrderPlatformHost()
        : this(settings: null, clock: null, sharedDatabasePath: null)
    {
    }

    private OrderPlatformHost(IReadOnlyDictionary<string, string?>? settings, TimeProvider? clock, string? sharedDatabasePath)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _clock = clock;
        if (sharedDatabasePath is null)
        {
            _folder = Path.Combine(Path.GetTempPath(), "orderplatform-tests", Guid.NewGuid().ToString("N"));
            _ownsFolder = true;
            DatabasePath = Path.Combine(_folder, "orders.db");
        }
        else
        {
            // The folder belongs to the host that created the file; this one only opens it.
            _folder = Path.GetDirectoryName(sharedDatabasePath)!;
            DatabasePath = sharedDatabasePath;
        }
    }

    public ServiceProvider Services { get; private set; } = null!;

    public string DatabasePath { get; }

    /// <summary>The host's temp folder, deleted with the host that created it: a place for copies of the database.</summary>
    public string Folder => _folder;

    /// <summary>
    /// A started host: <paramref name="settings"/> are added to (or override) the default configuration;
    /// <paramref name="clock"/>, when given, replaces TimeProvider.System; <paramref name="sharedDatabasePath"/>,
    /// when given, is another host's database file, which this host opens as a second service instance would.
    /// </summary>
    public static async Task<OrderPlatformHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null, string? sharedDatabasePath = null)
    {
        var host = new OrderPlatformHost(settings, clock, sharedDatabasePath);
        await host.InitializeAsync();
        return host;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:OrderPlatform"] = $"Data Source={DatabasePath}",
            ["Auth:TokenSecret"] = TokenSecret,
            ["Seed:Demo"] = "true",
        };
        foreach (var (key, value) in _settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        if (_clock is not null)
        {
            // Before AddApplication, whose TryAddSingleton(TimeProvider.System) then leaves this one in place.
            services.AddSingleton(_clock);
        }

        Services = services
            .AddApplication(configuration)
            .AddInfrastructure(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PrepareForStartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        // Once only: a test may dispose a host it started (await using) that a fixture would also dispose.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsFolder)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>Sends <paramref name="request"/> through IMediator as <paramref name="userId"/>, in a fresh scope, as an internal caller would.</summary>
    public async Task<T> SendAsync<T>(long userId, IRequest<T> request)
    {
        await using var scope = Services.CreateScopeFor(userId);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Sends <paramref name="request"/> through IMediator with no user, in a fresh scope, as a service (the payment service, the close job) would.</summary>
    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Runs <paramref name="use"/> with a fresh scope, as one request would have.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }
}
