using BenchmarkDotNet.Attributes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Application.Orders.Queries.GetOrderDetail;
using OrderPlatform.Application.Orders.Queries.ListOrders;
using OrderPlatform.Benchmarks.Scenarios;

namespace OrderPlatform.Benchmarks.Persistence;

/// <summary>
/// The buyer's reads (R61, R62) through the real Application and Infrastructure on a SQLite file:
/// one buyer with twelve second-scenario orders (two lines, an address copy, a coupon each). Each
/// operation is the whole query: a DI scope for the buyer, the pipeline (buyer check, validation),
/// the read model's statements and the rows made into the answer's DTOs; no HTTP, no JSON.
/// </summary>
[MemoryDiagnoser]
public class OrderReadBenchmarks
{
    private const int OrdersOfTheBuyer = 12;

    private BenchDatabase? _database;
    private string _newestNumber = string.Empty;

    [GlobalSetup]
    public async Task Setup()
    {
        _database = await BenchDatabase.CreateAsync(FileStorage.Disk);
        for (var code = 0; code < OrdersOfTheBuyer; code++)
        {
            var placed = await SendAsync(SeedOrders.SecondExample(BenchDatabase.CouponCode(code)));
            _newestNumber = placed.Order.OrderId;
        }

        if ((await ListPage()).Orders.Count != 10 || (await ReadOne()).OrderId != _newestNumber)
        {
            throw new InvalidOperationException("The buyer's orders do not read back as placed.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Benchmark(Description = "query, SQLite: a page of 10 orders")]
    public Task<OrderPage> ListPage() => SendAsync(new ListOrdersQuery(null, 1, 10));

    [Benchmark(Description = "query, SQLite: one order")]
    public Task<OrderDto> ReadOne() => SendAsync(new GetOrderDetailQuery(_newestNumber, null));

    private async Task<T> SendAsync<T>(IRequest<Result<T>> request)
        where T : notnull
    {
        await using var scope = _database!.Services.CreateScopeFor(BenchDatabase.FirstBuyerId);
        var answer = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
        return answer.IsSuccess ? answer.Value : throw new InvalidOperationException($"The query was refused with {answer.Error!.Name}.");
    }
}
