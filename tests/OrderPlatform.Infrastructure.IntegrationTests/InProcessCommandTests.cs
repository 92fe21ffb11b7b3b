using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>An internal service sends CreateOrderCommand through IMediator with no Api in sight.</summary>
public sealed class InProcessCommandTests(OrderPlatformHost host) : IClassFixture<OrderPlatformHost>
{
    [Fact]
    public async Task An_internal_caller_places_the_seed_single_product_order_through_IMediator()
    {
        var result = await host.SendAsync(DemoData.BuyerId, new CreateOrderCommand { GoodsId = DemoData.SingleProductId, Quantity = 1, Type = "goods" });

        Assert.True(result.IsSuccess, result.Error?.Name);
        var order = result.Value.Order;
        Assert.Equal(9900, order.OriginAmount);
        Assert.Equal(9900, order.Amount);
        Assert.Equal(15, order.SellerId);
        Assert.Equal(7920, order.SellerAmount);
        Assert.Equal(1000, order.UserId);
        Assert.Equal(18, order.OrderId.Length);
        Assert.EndsWith(order.Id.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)[^4..], order.OrderId, StringComparison.Ordinal);
        Assert.Equal(order.CreatedTime + (30 * 60), order.EndTime);
        Assert.True(order.Details[0].Id > 0);
    }

    [Fact]
    public async Task R10_a_disabled_user_is_not_authorized_and_nothing_is_written()
    {
        var before = await CountOrdersAsync();

        var result = await host.SendAsync(DemoData.DisabledUserId, new CreateOrderCommand { GoodsId = DemoData.SingleProductId });

        Assert.Equal(ErrorCode.NotAuthorized, result.Error?.Code);
        Assert.Equal(before, await CountOrdersAsync());
    }

    private Task<int> CountOrdersAsync() =>
        host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Orders.CountAsync());
}
