using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>R16 and R35 at their limits; each test gets its own service because it changes settings or prices.</summary>
public sealed class LimitTests : IDisposable
{
    private readonly OrderPlatformApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task R16_more_distinct_lines_than_Orders_MaxLines_is_too_many_items_and_writes_nothing()
    {
        using var twoLines = _factory.WithWebHostBuilder(builder => builder.UseSetting("Orders:MaxLines", "2"));
        using var client = twoLines.CreateClient();
        client.DefaultRequestHeaders.Add("token", _factory.TokenFor(1000));
        var before = await DatabaseState.ReadAsync(_factory.Services);

        using var response = await client.PostAsync(
            "/api/order/create",
            OrderPlatformApiFactory.Json("""{"details":[{"goods_id":188},{"goods_id":189},{"goods_id":188},{"goods_id":192}]}"""));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal((-1, "too_many_items"), (envelope.Code, envelope.Error));
        Assert.Null(envelope.Field);
        Assert.Equal(before, await DatabaseState.ReadAsync(_factory.Services));
    }

    [Fact]
    public async Task R35_an_order_over_10_to_the_12_minor_units_is_amount_too_large_and_writes_nothing()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrderPlatformDbContext>().Products
                .Where(p => p.Id == 188)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Price, 1_000_000_000L));
        }

        var refused = await _factory.RefuseAsync("""{"goods_id":188,"quantity":1001}""");

        Assert.Equal("amount_too_large", refused.Error);
        Assert.Null(refused.Field);
    }
}
