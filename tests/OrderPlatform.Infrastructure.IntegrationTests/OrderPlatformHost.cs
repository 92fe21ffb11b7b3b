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
/// </summary>
public sealed class OrderPlatformHost : IAsyncLifetime
{
    public const string TokenSecret = "integration-tests-secret-of-at-least-32-bytes";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "orderplatform-tests", Guid.NewGuid().ToString("N"));

    public ServiceProvider Services { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_folder, "orders.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:OrderPlatform"] = $"Data Source={DatabasePath}",
                ["Auth:TokenSecret"] = TokenSecret,
                ["Seed:Demo"] = "true",
            })
            .Build();
        Services = new ServiceCollection()
            .AddLogging()
            .AddApplication(configuration)
            .AddInfrastructure(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PrepareForStartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Sends <paramref name="request"/> through IMediator as <paramref name="userId"/>, in a fresh scope, as an internal caller would.</summary>
    public async Task<T> SendAsync<T>(long userId, IRequest<T> request)
    {
        await using var scope = Services.CreateScopeFor(userId);
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
