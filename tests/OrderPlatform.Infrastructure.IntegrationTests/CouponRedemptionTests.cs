using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Persistence.Records;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>R40 on a real database file: a code is redeemed atomically, once per buyer, never past its uses.</summary>
public sealed class CouponRedemptionTests(OrderPlatformHost host) : IClassFixture<OrderPlatformHost>
{
    [Fact]
    public async Task R40_two_buyers_racing_for_a_single_use_code_exactly_one_gets_it()
    {
        await AddCodeAsync(100, "RACE-ONE-USE", maxUses: 1);
        var stockBefore = await StockOfLicenceAsync();
        using var start = new ManualResetEventSlim();
        var attempts = new[] { DemoData.BuyerId, DemoData.ReferredBuyerId }.Select(buyer => Task.Run(async () =>
        {
            start.Wait();
            return await host.SendAsync(buyer, new CreateOrderCommand { GoodsId = DemoData.SingleProductId, CouponCode = "RACE-ONE-USE" });
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.IsSuccess);
        Assert.Equal(2000, winner.Value.Order.DiscountAmount);
        Assert.Equal(ErrorCode.CouponUsedUp, Assert.Single(results, r => !r.IsSuccess).Error!.Code);
        var (usedCount, usages) = await UsesAsync(100);
        Assert.Equal((1, 1), (usedCount, usages));
        Assert.Equal(stockBefore - 1, await StockOfLicenceAsync());
    }

    [Fact]
    public async Task R40_the_conditional_increment_and_unique_usage_refuse_what_the_checks_let_through()
    {
        await AddCodeAsync(101, "TWO-USES", maxUses: 2);
        var order = await PlaceAsync();

        var outcomes = new List<RedemptionOutcome>();
        foreach (var buyer in new[] { DemoData.BuyerId, DemoData.BuyerId, DemoData.ReferredBuyerId, DemoData.PromoterId })
        {
            outcomes.Add(await RedeemInItsOwnWriteStepAsync(101, buyer, order));
        }

        Assert.Equal(
            [RedemptionOutcome.Redeemed, RedemptionOutcome.AlreadyUsed, RedemptionOutcome.Redeemed, RedemptionOutcome.UsedUp],
            outcomes);
        Assert.Equal((2, 2), await UsesAsync(101));
    }

    /// <summary>As the create-order write step does: a redemption that did not take rolls its write step back.</summary>
    private Task<RedemptionOutcome> RedeemInItsOwnWriteStepAsync(long codeId, long buyerId, OrderId orderId) => host.InScopeAsync(async services =>
    {
        var coupons = services.GetRequiredService<ICouponBook>();
        var outcome = RedemptionOutcome.Redeemed;
        await services.GetRequiredService<IUnitOfWork>().WriteAsync(
            async token =>
            {
                outcome = await coupons.TryRedeemAsync(codeId, buyerId, orderId, token);
                return outcome == RedemptionOutcome.Redeemed ? Result.Success : Error.Of(ErrorCode.CouponUsedUp);
            },
            CancellationToken.None);
        return outcome;
    });

    private async Task<OrderId> PlaceAsync()
    {
        var placed = await host.SendAsync(DemoData.BuyerId, new CreateOrderCommand { GoodsId = DemoData.SingleProductId });
        return new OrderId(placed.Value.Order.Id);
    }

    private Task<int> AddCodeAsync(long id, string code, int maxUses) => host.InScopeAsync(services =>
    {
        var db = services.GetRequiredService<OrderPlatformDbContext>();
        db.CouponCodes.Add(new CouponCodeRecord { Id = id, CouponId = DemoData.FixedCouponId, Code = code, MaxUses = maxUses });
        return db.SaveChangesAsync();
    });

    private Task<(int UsedCount, int Usages)> UsesAsync(long codeId) => host.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<OrderPlatformDbContext>();
        return (
            await db.CouponCodes.Where(c => c.Id == codeId).Select(c => c.UsedCount).SingleAsync(),
            await db.CouponUsages.CountAsync(u => u.CouponCodeId == codeId));
    });

    private Task<long> StockOfLicenceAsync() => host.InScopeAsync(services =>
        services.GetRequiredService<OrderPlatformDbContext>().Products
            .Where(p => p.Id == DemoData.SingleProductId).Select(p => p.Stock).SingleAsync());
}
