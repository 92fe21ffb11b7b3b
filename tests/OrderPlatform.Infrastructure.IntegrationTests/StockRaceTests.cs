using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>R26 on a real database file: concurrent buyers of the last unit, each on its own connection.</summary>
public sealed class StockRaceTests(OrderPlatformHost host) : IClassFixture<OrderPlatformHost>
{
    [Fact]
    public async Task R26_two_buyers_racing_for_the_last_unit_exactly_one_wins()
    {
        var buyers = new[] { DemoData.BuyerId, DemoData.ReferredBuyerId };
        using var start = new ManualResetEventSlim();
        var attempts = buyers.Select(buyer => Task.Run(async () =>
        {
            start.Wait();
            return await host.SendAsync(buyer, new CreateOrderCommand { GoodsId = DemoData.LastUnitProductId });
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.IsSuccess);
        var loser = Assert.Single(results, r => !r.IsSuccess);
        Assert.Equal(ErrorCode.InsufficientStock, loser.Error!.Code);
        Assert.Equal(DemoData.LastUnitProductId, loser.Error.Data["goods_id"]);
        var (stockLeft, orders) = await host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<OrderPlatformDbContext>();
            var stock = await db.Products.Where(p => p.Id == DemoData.LastUnitProductId).Select(p => p.Stock).SingleAsync();
            var count = await db.Orders.CountAsync(o => o.Lines.Any(l => l.GoodsId == DemoData.LastUnitProductId));
            return (stock, count);
        });
        Assert.Equal(0, stockLeft);
        Assert.Equal(1, orders);
    }

    [Fact]
    public async Task R26_a_short_second_line_refuses_the_whole_order_and_the_first_line_keeps_its_stock()
    {
        var before = await StockOfSmallShirtAsync();

        var result = await host.SendAsync(DemoData.BuyerId, new CreateOrderCommand
        {
            Details =
            [
                new CreateOrderDetail { GoodsId = DemoData.ShirtProductId, GoodsSkuId = DemoData.SmallShirtSkuId, Quantity = 3 },
                new CreateOrderDetail { GoodsId = DemoData.JacketProductId, GoodsSkuId = DemoData.SmallDenimJacketSkuId, Quantity = 9999 },
            ],
        });

        Assert.Equal(ErrorCode.InsufficientStock, result.Error?.Code);
        Assert.Equal("details[1].quantity", result.Error!.Field);
        Assert.Equal(DemoData.SmallDenimJacketSkuId, result.Error.Data["sku_id"]);
        Assert.Equal(before, await StockOfSmallShirtAsync());
    }

    private Task<long> StockOfSmallShirtAsync() =>
        host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().ProductSkus
            .Where(s => s.Id == DemoData.SmallShirtSkuId).Select(s => s.Stock).SingleAsync());
}
