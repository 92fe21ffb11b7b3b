using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderPlatform.Api.Requests;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Benchmarks.Scenarios;

namespace OrderPlatform.Benchmarks.Json;

/// <summary>
/// Reading a create-order body the way the create endpoint does (R1, R4, R5): the Api's own
/// JsonBody reads the request's bytes, checks them, parses them strictly and deserialises a
/// CreateOrderRequest, which becomes the command. The body is already in memory, so no network
/// wait is included, only the copying and parsing.
/// </summary>
[MemoryDiagnoser]
public class CreateOrderBodyBenchmarks
{
    private readonly DefaultHttpContext _single = Posting(SeedOrders.SingleProductJson);
    private readonly DefaultHttpContext _second = Posting(SeedOrders.SecondExampleJson(SeedOrders.SeedCouponCode));
    private JsonBody? _reader;

    [GlobalSetup]
    public async Task Setup()
    {
        _reader = new JsonBody(Options.Create(new ApiOptions()), NullLogger<JsonBody>.Instance);
        if ((await ReadSingleProduct()).GoodsId != SeedOrders.SingleProduct.GoodsId || (await ReadSecondExample()).Details.Count != 2)
        {
            throw new InvalidOperationException("The bodies did not read as the scenarios' commands.");
        }
    }

    [Benchmark(Description = "JSON: read the body: single")]
    public Task<CreateOrderCommand> ReadSingleProduct() => ReadAsync(_single);

    [Benchmark(Description = "JSON: read the body: second")]
    public Task<CreateOrderCommand> ReadSecondExample() => ReadAsync(_second);

    private static DefaultHttpContext Posting(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes, writable: false);
        return context;
    }

    private async Task<CreateOrderCommand> ReadAsync(DefaultHttpContext context)
    {
        context.Request.Body.Position = 0;
        var outcome = await _reader!.ReadAsync<CreateOrderRequest>(context.Request, CancellationToken.None);
        return outcome.Failed(out var refused)
            ? throw new InvalidOperationException($"The body was refused with {refused.Name}.")
            : outcome.Value.Body.ToCommand();
    }
}
