using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Api.ClientTests.Generated;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Api.ClientTests;

/// <summary>
/// The real service in process, on its own SQLite file in a temp folder, migrated and seeded with
/// the demo data, with a payment-service key so that every documented endpoint exists.
/// </summary>
public sealed class ServiceFactory : WebApplicationFactory<Program>
{
    public const string ServiceKey = "client-tests-payment-service-key-of-32-bytes";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "orderplatform-client-tests", Guid.NewGuid().ToString("N"));

    public string TokenFor(long userId) => Services.GetRequiredService<ITokenService>().Issue(userId, TimeSpan.FromHours(24));

    /// <summary>The generated client, sending <paramref name="secret"/> as the document's security scheme <paramref name="scheme"/> says, or nothing.</summary>
    public OrderPlatformClient ClientSending(string? scheme = null, string? secret = null)
    {
        var http = scheme is null ? CreateClient() : CreateDefaultClient(new DocumentedCredential(scheme, secret ?? string.Empty));
        return new OrderPlatformClient(http);
    }

    /// <summary>The generated client of buyer <paramref name="userId"/>, its token in the token header.</summary>
    public OrderPlatformClient BuyerClient(long userId = 1000) => ClientSending("token", TokenFor(userId));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:OrderPlatform", $"Data Source={Path.Combine(_folder, "orders.db")}");
        builder.UseSetting("Auth:TokenSecret", "client-tests-token-secret-of-at-least-32-bytes");
        builder.UseSetting("Internal:ServiceKeys:0", ServiceKey);
        builder.UseSetting("Seed:Demo", "true");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }
}
