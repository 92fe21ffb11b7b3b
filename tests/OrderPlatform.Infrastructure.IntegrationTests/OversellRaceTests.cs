using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Persistence.Records;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// R26, R40 under many buyers at once, across two service instances on one database file: S units
/// sell exactly S times, and a single-use code is redeemed exactly once, however the racers land.
/// (tests/reliability/two_process_race.py does the same with two real service processes.)
/// </summary>
public sealed class OversellRaceTests
{
    private const int Units = 5;
    private const int RacersPerInstance = 20;

    private static readonly long[] Buyers = [DemoData.BuyerId, DemoData.ReferredBuyerId, DemoData.PromoterId, DemoData.PromoterParentId];

    [Fact]
    public async Task R26_S_units_and_many_more_buyers_on_two_instances_make_exactly_S_orders_and_never_a_negative_stock()
    {
        await using var first = await OrderPlatformHost.StartAsync();
        await using var second = await OrderPlatformHost.StartAsync(sharedDatabasePath: first.DatabasePath);
        await first.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Products
            .Where(p => p.Id == DemoData.SingleProductId).ExecuteUpdateAsync(p => p.SetProperty(r => r.Stock, Units)));

        var results = await RaceAsync(first, second, _ => new CreateOrderCommand { GoodsId = DemoData.SingleProductId });

        Assert.Equal(Units, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorCode.InsufficientStock, r.Error!.Code));
        var (stock, orders) = await first.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<OrderPlatformDbContext>();
            return (
                await db.Products.Where(p => p.Id == DemoData.SingleProductId).Select(p => p.Stock).SingleAsync(),
                await db.Orders.CountAsync(o => o.Lines.Any(l => l.GoodsId == DemoData.SingleProductId)));
        });
        Assert.Equal((0L, Units), (stock, orders));
    }

    [Fact]
    public async Task R40_a_single_use_code_raced_by_many_buyers_on_two_instances_is_redeemed_exactly_once()
    {
        const long CodeId = 900;
        await using var first = await OrderPlatformHost.StartAsync();
        await using var second = await OrderPlatformHost.StartAsync(sharedDatabasePath: first.DatabasePath);
        await first.InScopeAsync(services =>
        {
            var db = services.GetRequiredService<OrderPlatformDbContext>();
            db.CouponCodes.Add(new CouponCodeRecord { Id = CodeId, CouponId = DemoData.FixedCouponId, Code = "RACE-ONCE", MaxUses = 1 });
            return db.SaveChangesAsync();
        });

        var results = await RaceAsync(first, second, _ => new CreateOrderCommand { GoodsId = DemoData.SingleProductId, CouponCode = "RACE-ONCE" });

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(
            results.Where(r => !r.IsSuccess),
            r => Assert.Contains(r.Error!.Code, new[] { ErrorCode.CouponUsedUp, ErrorCode.CouponAlreadyUsed }));
        var (usedCount, usages, orders) = await first.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<OrderPlatformDbContext>();
            return (
                await db.CouponCodes.Where(c => c.Id == CodeId).Select(c => c.UsedCount).SingleAsync(),
                await db.CouponUsages.CountAsync(u => u.CouponCodeId == CodeId),
                await db.Orders.CountAsync(o => o.CouponCodeId == CodeId));
        });
        Assert.Equal((1, 1, 1), (usedCount, usages, orders));
    }

    /// <summary>Every racer is one of <see cref="Buyers"/>, half of them sent to each instance, all released at once.</summary>
    private static async Task<Result<Application.Orders.Commands.CreateOrder.PlacedOrder>[]> RaceAsync(OrderPlatformHost first, OrderPlatformHost second, Func<int, CreateOrderCommand> command)
    {
        using var gate = new StartingGate();
        var racers = Enumerable.Range(0, 2 * RacersPerInstance)
            .Select(i => gate.Racer(() => (i % 2 == 0 ? first : second).SendAsync(Buyers[i % Buyers.Length], command(i))))
            .ToArray();
        gate.Open();
        return await Task.WhenAll(racers);
    }
}
