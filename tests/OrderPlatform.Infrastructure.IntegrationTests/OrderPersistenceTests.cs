using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>An order written by the command reads back whole: lines, snapshots, the address copy, amounts.</summary>
public sealed class OrderPersistenceTests(OrderPlatformHost host) : IClassFixture<OrderPlatformHost>
{
    [Fact]
    public async Task R25_R31_an_order_round_trips_with_lines_snapshots_and_its_own_address_copy()
    {
        var command = new CreateOrderCommand
        {
            Details =
            [
                new CreateOrderDetail { GoodsId = DemoData.ShirtProductId, GoodsSkuId = DemoData.SmallShirtSkuId, Quantity = 2 },
                new CreateOrderDetail { GoodsId = DemoData.JacketProductId, SkuValues = [158, 153] },
            ],
            Address = new CreateOrderAddress
            {
                Name = " 王先生 ", Phone = "13888888888", Province = "河南省", City = "郑州市", Country = "中原区", AddressInfo = "中原西路233号", Postcode = "450000",
            },
        };
        var placed = await host.SendAsync(DemoData.BuyerId, command);
        Assert.True(placed.IsSuccess, placed.Error?.Name);

        var order = await host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Orders
            .Include(o => o.Lines)
            .SingleAsync(o => o.Id == new OrderId(placed.Value.Order.Id)));

        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Equal(4900 * 2 + 12900, order.OriginAmount.MinorUnits);
        Assert.Equal("CNY", order.Currency.Code);
        Assert.Equal("王先生", order.ShippingAddress!.Name);
        Assert.Equal("中原区", order.ShippingAddress.District);
        Assert.Equal(placed.Value.Order.AddressId, order.AddressId);
        var jacket = Assert.Single(order.Lines, l => l.GoodsId == DemoData.JacketProductId);
        Assert.Equal(DemoData.SmallDenimJacketSkuId, jacket.SkuId);
        Assert.Equal("Fiber: Denim, Size: Small", jacket.Snapshot.SkuTitle);
        Assert.Equal("Denim jacket", jacket.Snapshot.ProductTitle);
        Assert.Equal([153L, 158L], jacket.Snapshot.OptionValues.Select(v => v.Id));
        Assert.Equal("Fiber", jacket.Snapshot.OptionValues[0].OptionTitle);
        var shirt = Assert.Single(order.Lines, l => l.GoodsId == DemoData.ShirtProductId);
        Assert.Equal(2, shirt.Quantity);
        Assert.Equal(9800, shirt.Amount.MinorUnits);
    }

    [Fact]
    public async Task R31_editing_the_saved_address_later_does_not_rewrite_the_order_copy()
    {
        var placed = await host.SendAsync(DemoData.BuyerId, new CreateOrderCommand
        {
            GoodsId = DemoData.SingleProductId,
            Address = new CreateOrderAddress { Id = DemoData.BuyerAddressId },
        });
        Assert.True(placed.IsSuccess, placed.Error?.Name);

        await host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<OrderPlatformDbContext>();
            var saved = await db.Addresses.SingleAsync(a => a.Id == DemoData.BuyerAddressId);
            saved.AddressInfo = "Somewhere else entirely";
            return await db.SaveChangesAsync();
        });

        var copy = await host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Orders
            .Where(o => o.Id == new OrderId(placed.Value.Order.Id))
            .Select(o => o.ShippingAddress!.Detail)
            .SingleAsync());
        Assert.Equal("233 Zhongyuan West Road", copy);
    }

    [Fact]
    public async Task R30_a_new_address_is_saved_with_its_order_and_the_order_carries_the_new_entrys_id()
    {
        var before = await host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Addresses.CountAsync());

        var placed = await host.SendAsync(DemoData.BuyerId, new CreateOrderCommand
        {
            GoodsId = DemoData.SingleProductId,
            Address = new CreateOrderAddress
            {
                Name = "New Entry", Phone = "010-5555-0101", Province = "Beijing", City = "Beijing", Country = "Haidian", AddressInfo = "9 Test Road", Postcode = "100080",
            },
        });
        Assert.True(placed.IsSuccess, placed.Error?.Name);

        var (count, entry, stored) = await host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<OrderPlatformDbContext>();
            var newEntry = await db.Addresses.SingleAsync(a => a.Name == "New Entry");
            var order = await db.Orders.SingleAsync(o => o.Id == new OrderId(placed.Value.Order.Id));
            return (await db.Addresses.CountAsync(), newEntry, order.AddressId);
        });
        Assert.Equal(before + 1, count);
        Assert.Equal(DemoData.BuyerId, entry.UserId);
        Assert.True(entry.Id > 0);
        Assert.Equal(entry.Id, stored);
        Assert.Equal(entry.Id, placed.Value.Order.AddressId);
    }
}
