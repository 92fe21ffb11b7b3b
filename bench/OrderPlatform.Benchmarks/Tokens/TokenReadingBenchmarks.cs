using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Benchmarks.Persistence;
using OrderPlatform.Infrastructure;

namespace OrderPlatform.Benchmarks.Tokens;

/// <summary>
/// What the Api's authentication handler asks of the token service on every request: read a valid
/// buyer token (signature, header, payload, expiry). The token is one the service itself issued.
/// </summary>
[MemoryDiagnoser]
public class TokenReadingBenchmarks
{
    private ServiceProvider? _services;
    private ITokenService? _tokens;
    private string _token = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // The token service needs no database; AddInfrastructure only needs a connection string to register one.
                ["ConnectionStrings:OrderPlatform"] = "Data Source=:memory:",
                ["Auth:TokenSecret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddInfrastructure(configuration);
        _services = services.BuildServiceProvider();
        _tokens = _services.GetRequiredService<ITokenService>();
        _token = _tokens.Issue(BenchDatabase.FirstBuyerId, TimeSpan.FromDays(1));
        if (_tokens.Read(_token).Claims?.UserId != BenchDatabase.FirstBuyerId)
        {
            throw new InvalidOperationException("The token service does not read the token it issued.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    [Benchmark(Description = "token: read a valid token")]
    public TokenReading Read() => _tokens!.Read(_token);
}
