using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>The real service over HTTP, on its own SQLite file in a temp folder, migrated and seeded with the demo data.</summary>
public class OrderPlatformApiFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "orderplatform-api-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "orders.db");

    public string TokenFor(long userId, TimeSpan? lifetime = null) =>
        Services.GetRequiredService<ITokenService>().Issue(userId, lifetime ?? TimeSpan.FromHours(24));

    public HttpClient ClientFor(long userId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("token", TokenFor(userId));
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:OrderPlatform", $"Data Source={DatabasePath}");
        builder.UseSetting("Auth:TokenSecret", "functional-tests-secret-of-at-least-32-bytes");
        builder.UseSetting("Seed:Demo", "true");

        // Tests place orders far faster than R56's 30 a minute per buyer; RateLimitTests sets its own limit.
        builder.UseSetting("RateLimits:CreateOrderPerMinute", "1000000");
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
