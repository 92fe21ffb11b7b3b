using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using MediatR;
using OrderPlatform.Api.Envelope;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Benchmarks.Pipeline;
using OrderPlatform.Benchmarks.Scenarios;

namespace OrderPlatform.Benchmarks.Json;

/// <summary>
/// Writing the answer to a placed order the way the create endpoint does (R2): the Api's own
/// success envelope, serialised as JSON into the response body. The orders are the two scenarios'
/// answers as the Application maps them. A page of the list read (R62) is ten second-scenario orders.
/// </summary>
[MemoryDiagnoser]
public class OrderEnvelopeBenchmarks
{
    private ServiceProvider? _services;
    private DefaultHttpContext? _response;
    private OrderDto? _single;
    private OrderDto? _second;
    private OrderDto[] _page = [];

    [GlobalSetup]
    public async Task Setup()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        _services = services.BuildServiceProvider();
        _response = new DefaultHttpContext { RequestServices = _services };
        _response.Response.Body = new MemoryStream();

        await using (var application = InMemoryApplication.Build())
        {
            _single = await PlaceAsync(application, SeedOrders.SingleProduct);
            _second = await PlaceAsync(application, SeedOrders.SecondExample(SeedOrders.SeedCouponCode));
        }

        _page = Enumerable.Repeat(_second, 10).ToArray();

        await WriteSingleProduct();
        if (!Encoding.UTF8.GetString(((MemoryStream)_response.Response.Body).ToArray()).StartsWith("""{"code":0,"msg":"","data":{"id":""", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The envelope is not the one bench/wrk/create-order.lua recognises.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        _response?.Response.Body.Dispose();
    }

    [Benchmark(Description = "JSON: write the envelope: single")]
    public Task WriteSingleProduct() => WriteAsync(_single!);

    [Benchmark(Description = "JSON: write the envelope: second")]
    public Task WriteSecondExample() => WriteAsync(_second!);

    [Benchmark(Description = "JSON: write a page of 10 orders")]
    public Task WritePage()
    {
        _response!.Response.Body.SetLength(0);
        return EnvelopeResults.FromPage(Result<OrderPage>.Of(new OrderPage(_page, _page.Length)), CultureInfo.InvariantCulture).ExecuteAsync(_response);
    }

    private static async Task<OrderDto> PlaceAsync(IServiceProvider application, CreateOrderCommand command)
    {
        await using var scope = application.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command)).Value.Order;
    }

    private Task WriteAsync(OrderDto order)
    {
        _response!.Response.Body.SetLength(0);
        return EnvelopeResults.Success(order).ExecuteAsync(_response);
    }
}
