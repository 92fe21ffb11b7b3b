using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Persistence.Repositories;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// R52: an order number is the second the order was placed in and the last four digits of its id,
/// and unique. From the 10,001st order of one second on, an id's number would repeat an earlier
/// order's; the id allocator passes over such an id, so the order is placed with the next one.
/// When a second's 10,000 numbers are all given, the order is refused as rate_limited (R56), a
/// refusal the buyer may retry, rather than a fault.
/// </summary>
public sealed class OrderNumberTests
{
    [Fact]
    public async Task R52_an_id_whose_number_an_order_of_the_same_second_has_is_passed_over_and_the_order_is_placed()
    {
        var clock = new ManualClock();
        await using var host = await OrderPlatformHost.StartAsync(clock: clock);
        var first = await PlaceAsync(host);

        // The next id ends in the same four digits as the first order's, and the clock has not moved.
        await SetNextOrderIdAsync(host, first.Id + OrderNumber.PerSecond);
        var second = await PlaceAsync(host);

        Assert.Equal(first.Id + OrderNumber.PerSecond + 1, second.Id);
        Assert.Equal(first.OrderId[..14], second.OrderId[..14]);
        Assert.NotEqual(first.OrderId, second.OrderId);

        // A second later the same ending is free again.
        clock.Advance(TimeSpan.FromSeconds(1));
        await SetNextOrderIdAsync(host, first.Id + (2 * OrderNumber.PerSecond));
        var third = await PlaceAsync(host);

        Assert.Equal(first.Id + (2 * OrderNumber.PerSecond), third.Id);
        Assert.Equal(first.OrderId[14..], third.OrderId[14..]);
        Assert.Equal(3, (await LifecycleScenario.StoredOrdersAsync(host)).Count);
    }

    [Fact]
    public async Task R52_R56_when_a_seconds_ten_thousand_numbers_are_given_an_order_is_refused_rate_limited_writing_nothing_and_placed_a_second_later()
    {
        var clock = new ManualClock();
        await using var host = await OrderPlatformHost.StartAsync(clock: clock);
        var given = host.Services.GetRequiredService<OrderNumbersGiven>();
        for (var id = 1; id <= OrderNumber.PerSecond; id++)
        {
            Assert.True(given.TryTake(new OrderId(1_000_000 + id), clock.GetUtcNow()));
        }

        var refused = await host.SendAsync(DemoData.BuyerId, new CreateOrderCommand { GoodsId = DemoData.SingleProductId });

        Assert.Equal(ErrorCode.RateLimited, refused.Error?.Code);
        Assert.Empty(await LifecycleScenario.StoredOrdersAsync(host));

        clock.Advance(TimeSpan.FromSeconds(1));
        var placed = await PlaceAsync(host);
        Assert.Equal(1, placed.Id);
    }

    [Fact]
    public void R52_the_same_id_again_keeps_its_number_and_another_id_with_its_ending_gets_it_only_in_another_second()
    {
        var numbers = new OrderNumbersGiven();
        var placedAt = DateTimeOffset.FromUnixTimeSeconds(1_796_091_381);

        Assert.True(numbers.TryTake(new OrderId(46), placedAt));
        // SQLite hands out a rolled-back order's id once more: that is not a repeat.
        Assert.True(numbers.TryTake(new OrderId(46), placedAt.AddMilliseconds(500)));
        Assert.False(numbers.TryTake(new OrderId(10_046), placedAt));
        Assert.True(numbers.TryTake(new OrderId(10_046), placedAt.AddSeconds(1)));
        Assert.True(numbers.TryTake(new OrderId(47), placedAt));

        // An order placed earlier may reach the allocator after a later one: its second still knows id 46.
        Assert.False(numbers.TryTake(new OrderId(20_046), placedAt));
        Assert.True(numbers.TryTake(new OrderId(20_046), placedAt.AddSeconds(2)));
    }

    [Fact]
    public void R52_once_a_seconds_ten_thousand_numbers_are_given_the_second_has_none_left()
    {
        var numbers = new OrderNumbersGiven();
        var placedAt = DateTimeOffset.FromUnixTimeSeconds(1_796_091_381);
        for (var id = 1; id < OrderNumber.PerSecond; id++)
        {
            Assert.True(numbers.TryTake(new OrderId(id), placedAt));
        }

        Assert.False(numbers.AllGiven(placedAt));
        Assert.True(numbers.TryTake(new OrderId(OrderNumber.PerSecond), placedAt));

        Assert.True(numbers.AllGiven(placedAt));
        Assert.False(numbers.AllGiven(placedAt.AddSeconds(1)));
    }

    private static async Task<Application.Orders.Dtos.OrderDto> PlaceAsync(OrderPlatformHost host)
    {
        var placed = await host.SendAsync(DemoData.BuyerId, new CreateOrderCommand { GoodsId = DemoData.SingleProductId });
        Assert.True(placed.IsSuccess, placed.Error?.Name);
        return placed.Value.Order;
    }

    private static async Task SetNextOrderIdAsync(OrderPlatformHost host, long next)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE id_counters SET next_value = $next WHERE name = $name";
        command.Parameters.AddWithValue("$next", next);
        command.Parameters.AddWithValue("$name", SqliteOrderPlatformDbContext.OrderIdCounter);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
