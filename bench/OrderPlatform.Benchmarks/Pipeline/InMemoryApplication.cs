using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderPlatform.Application;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Benchmarks.Pipeline.InMemory;

namespace OrderPlatform.Benchmarks.Pipeline;

/// <summary>
/// The real Application (AddApplication with its default settings: MediatR pipeline, validators,
/// handler, AutoMapper) over in-memory ports, acting for the seed's demo buyer. Logging goes
/// nowhere, so the benchmarks measure the Application's own work and not a log sink's.
/// </summary>
internal static class InMemoryApplication
{
    public static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));

        // Registered before AddApplication, which only adds its own current user when the host has none (as the Api does).
        services.AddScoped<ICurrentUser, FixedBuyer>();
        services.AddApplication(new ConfigurationBuilder().Build());

        services.AddSingleton<ICatalog, InMemoryCatalog>();
        services.AddSingleton<IUserDirectory, InMemoryUserDirectory>();
        services.AddSingleton<IStockLedger, InMemoryStockLedger>();
        services.AddSingleton<IAddressBook, InMemoryAddressBook>();
        services.AddSingleton<ICouponBook, InMemoryCouponBook>();
        services.AddSingleton<ICart, InMemoryCart>();
        services.AddSingleton<IOrderRepository, InMemoryOrderRepository>();
        services.AddSingleton<IIdempotencyRecords, InMemoryIdempotencyRecords>();
        services.AddScoped<IUnitOfWork, InMemoryUnitOfWork>();
        // Without scope validation, as the service runs outside Development: checking every resolution costs time per request.
        return services.BuildServiceProvider();
    }
}
