using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Scheduling;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// What the lifecycle tests (section 16) share: a varied set of goods orders spread over the demo
/// buyers, some carrying coupon codes, so that every cancel, close and payment has stock on
/// products and SKUs and coupon uses to give back or keep; and one run of the close job.
/// </summary>
internal static class LifecycleScenario
{
    /// <summary>The name the close job gives its report (the Application's OverdueOrderSweep).</summary>
    public const string CloseJobName = "OverdueOrderSweep";

    /// <summary>The demo users who buy in these tests: all active, with and without a promoter above them.</summary>
    public static readonly long[] Buyers = [DemoData.BuyerId, DemoData.ReferredBuyerId, DemoData.PromoterId, DemoData.PromoterParentId];

    /// <summary>
    /// The <paramref name="index"/>-th of five kinds of goods order: product stock (no SKU), SKU
    /// stock, two lines on two products' SKUs, and more units of one line. The demo stock allows
    /// 150 of them in a row (the two-instance sweep test).
    /// </summary>
    public static CreateOrderCommand GoodsOrder(int index, string? couponCode = null) => (index % 5) switch
    {
        0 => new CreateOrderCommand { GoodsId = DemoData.SingleProductId, Quantity = 1 + (index % 3), CouponCode = couponCode },
        1 => new CreateOrderCommand { GoodsId = DemoData.ShirtProductId, GoodsSkuId = DemoData.SmallShirtSkuId, Quantity = 2, CouponCode = couponCode },
        2 => new CreateOrderCommand
        {
            Details =
            [
                new CreateOrderDetail { GoodsId = DemoData.ShirtProductId, GoodsSkuId = 2, Quantity = 1 },
                new CreateOrderDetail { GoodsId = DemoData.JacketProductId, GoodsSkuId = 3 + (index % 4), Quantity = 1 },
            ],
            CouponCode = couponCode,
        },
        3 => new CreateOrderCommand { GoodsId = DemoData.EngravingProductId, Quantity = 3, CouponCode = couponCode },
        _ => new CreateOrderCommand { GoodsId = DemoData.JacketProductId, GoodsSkuId = 5, Quantity = 1, CouponCode = couponCode },
    };

    /// <summary>
    /// Places <paramref name="count"/> goods orders one after another, buyer by buyer in turn,
    /// numbered from <paramref name="first"/>. Each buyer's first order (numbers 0 to 3) carries
    /// COUPON2023 and its second (4 to 7) TENOFF, since a code serves a buyer once while its use is
    /// held; so a run from 0 also holds eight coupon uses.
    /// </summary>
    public static async Task<IReadOnlyList<PlacedOrder>> PlaceAsync(OrderPlatformHost host, int count, int first = 0)
    {
        var placed = new List<PlacedOrder>(count);
        for (var i = first; i < first + count; i++)
        {
            var buyer = Buyers[i % Buyers.Length];
            var coupon = (i / Buyers.Length) switch
            {
                0 => DemoData.FixedCouponCode,
                1 => DemoData.PercentCouponCode,
                _ => null,
            };
            placed.Add(await PlaceAsync(host, buyer, GoodsOrder(i, coupon)));
        }

        return placed;
    }

    /// <summary>Places one order that must succeed.</summary>
    public static async Task<PlacedOrder> PlaceAsync(OrderPlatformHost host, long buyerId, CreateOrderCommand command)
    {
        var result = await host.SendAsync(buyerId, command);
        Assert.True(result.IsSuccess, result.Error?.Name);
        return new PlacedOrder(buyerId, result.Value.Order);
    }

    /// <summary>Every order's row as stored, by order number.</summary>
    public static Task<Dictionary<string, StoredOrder>> StoredOrdersAsync(OrderPlatformHost host) => host.InScopeAsync(services =>
        services.GetRequiredService<OrderPlatformDbContext>().Orders.AsNoTracking()
            .Select(o => new StoredOrder(o.Number, o.Status, o.PaymentId, o.PaidAt, o.UpdatedAt))
            .ToDictionaryAsync(o => o.Number));

    /// <summary>
    /// One run of the scheduled sweeps, each in its own scope as the scheduler runs them, and what
    /// the close job (R64) reported. The other sweeps (the idempotency purge, once R55 is built) run too, as they would.
    /// </summary>
    public static Task<SweepReport> SweepAsync(OrderPlatformHost host) => host.InScopeAsync(async services =>
    {
        var reports = new List<SweepReport>();
        foreach (var sweep in services.GetServices<IScheduledSweep>())
        {
            reports.Add(await sweep.RunAsync(CancellationToken.None));
        }

        return Assert.Single(reports, r => r.Sweep == CloseJobName);
    });
}

/// <summary>The lifecycle columns of one order row.</summary>
internal sealed record StoredOrder(string Number, OrderStatus Status, string? PaymentId, DateTimeOffset? PaidAt, DateTimeOffset UpdatedAt);

/// <summary>An order as placed, with the buyer who placed it.</summary>
internal sealed record PlacedOrder(long BuyerId, OrderDto Order)
{
    public string Number => Order.OrderId;
}
