using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// Orders racing for the same thing on a real SQLite file. Whether or not their reads interleave,
/// exactly one wins, and each loser gets the answer its reads would give once the winner is written.
/// </summary>
public sealed class RaceTests(OrderPlatformHost host) : IClassFixture<OrderPlatformHost>
{
    private const int Racers = 16;

    [Fact]
    public async Task R41_R43_orders_racing_for_the_same_cart_item_one_wins_and_the_others_are_told_which_item_is_gone()
    {
        var results = await RaceAsync(() => new CreateOrderCommand { CartIds = [DemoData.CartLicenceItemId] });

        Assert.Single(results, result => result.IsSuccess);
        Assert.All(results.Where(result => !result.IsSuccess), result =>
        {
            Assert.Equal(ErrorCode.CartItemNotFound, result.Error!.Code);
            Assert.Equal("cart_ids[0]", result.Error.Field);
            Assert.Equal(DemoData.CartLicenceItemId, result.Error.Data["cart_id"]);
        });
    }

    [Fact]
    public async Task R37_R40_orders_racing_for_the_buyers_only_code_of_a_coupon_one_wins_and_the_others_find_no_code_left()
    {
        var results = await RaceAsync(() => new CreateOrderCommand { GoodsId = DemoData.SingleProductId, CouponId = DemoData.WelcomeCouponId });

        Assert.Equal(DemoData.BuyerPersonalCouponCodeId, Assert.Single(results, result => result.IsSuccess).Value.Order.CouponCodeId);
        Assert.All(results.Where(result => !result.IsSuccess), result =>
        {
            Assert.Equal(ErrorCode.CouponNotFound, result.Error!.Code);
            Assert.Equal("coupon_id", result.Error.Field);
            Assert.Equal(DemoData.WelcomeCouponId, result.Error.Data["coupon_id"]);
        });
        var (usedCount, usages) = await host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<OrderPlatformDbContext>();
            return (
                await db.CouponCodes.Where(c => c.Id == DemoData.BuyerPersonalCouponCodeId).Select(c => c.UsedCount).SingleAsync(),
                await db.CouponUsages.CountAsync(u => u.CouponCodeId == DemoData.BuyerPersonalCouponCodeId));
        });
        Assert.Equal((1, 1), (usedCount, usages));
    }

    [Fact]
    public async Task R30_orders_racing_with_the_same_new_address_add_it_to_the_book_once()
    {
        var address = new CreateOrderAddress
        {
            Name = "Racing Buyer", Phone = "010-5555-0199", Province = "Beijing", City = "Beijing", Country = "Dongcheng", AddressInfo = "1 Race Road", Postcode = "100010",
        };

        var results = await RaceAsync(() => new CreateOrderCommand { GoodsId = DemoData.SingleProductId, Address = address });

        Assert.All(results, result => Assert.True(result.IsSuccess, result.Error?.Name));
        var entries = await host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Addresses
            .Where(a => a.Name == "Racing Buyer").Select(a => a.Id).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.All(results, result => Assert.Equal(entry, result.Value.Order.AddressId));
    }

    private async Task<Result<Application.Orders.Commands.CreateOrder.PlacedOrder>[]> RaceAsync(Func<CreateOrderCommand> command)
    {
        using var start = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, Racers).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await host.SendAsync(DemoData.BuyerId, command());
        })).ToArray();
        start.Set();
        return await Task.WhenAll(racers);
    }
}
