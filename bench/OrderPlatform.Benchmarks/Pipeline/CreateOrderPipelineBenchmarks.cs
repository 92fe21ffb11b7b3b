using BenchmarkDotNet.Attributes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Benchmarks.Scenarios;

namespace OrderPlatform.Benchmarks.Pipeline;

/// <summary>
/// One create-order command through the whole Application, per operation: a new DI scope (as the
/// Api opens per request), IMediator, the logging, buyer-access, validation and transaction
/// behaviours, the handler's read, decide and write steps, and the AutoMapper map to the answer.
/// The ports are in-memory and cost next to nothing, so this is the Application's own cost of an order.
/// </summary>
[MemoryDiagnoser]
public class CreateOrderPipelineBenchmarks
{
    private readonly CreateOrderCommand _secondExample = SeedOrders.SecondExample(SeedOrders.SeedCouponCode);
    private ServiceProvider? _services;

    [GlobalSetup]
    public void Setup() => _services = InMemoryApplication.Build();

    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    [Benchmark(Description = "pipeline, in-memory ports: single")]
    public Task<PlacedOrder> SingleProduct() => PlaceAsync(SeedOrders.SingleProduct);

    [Benchmark(Description = "pipeline, in-memory ports: second")]
    public Task<PlacedOrder> SecondExample() => PlaceAsync(_secondExample);

    private async Task<PlacedOrder> PlaceAsync(CreateOrderCommand command)
    {
        await using var scope = _services!.CreateAsyncScope();
        var placed = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
        return placed.IsSuccess ? placed.Value : throw new InvalidOperationException($"The order was refused with {placed.Error!.Name}.");
    }
}
