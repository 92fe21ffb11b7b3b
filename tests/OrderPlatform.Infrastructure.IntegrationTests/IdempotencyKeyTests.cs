using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Idempotency;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Scheduling;
using OrderPlatform.Application.Orders.Commands.CancelOrder;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// R55 on a real SQLite file: a key places at most one order, whichever instance a repeat reaches;
/// a repeat gets the first answer as it was given; a refused request leaves its key unused; keys
/// are purged only after their retention.
/// </summary>
public sealed class IdempotencyKeyTests
{
    private const string SameBody = "fingerprint-of-the-first-body";
    private const string OtherBody = "fingerprint-of-another-body";

    [Fact]
    public async Task R55_a_repeat_with_the_same_key_and_body_places_nothing_and_gets_the_first_answer_again()
    {
        await using var host = await OrderPlatformHost.StartAsync();
        var stockBefore = await StockOfSingleProductAsync(host);

        var first = await host.SendAsync(DemoData.BuyerId, SingleProduct("double-click", SameBody));
        var repeat = await host.SendAsync(DemoData.BuyerId, SingleProduct("double-click", SameBody));

        Assert.True(first.IsSuccess, first.Error?.Name);
        Assert.False(first.Value.Replayed);
        Assert.True(repeat.IsSuccess, repeat.Error?.Name);
        Assert.True(repeat.Value.Replayed);
        Assert.Equal(JsonSerializer.Serialize(first.Value.Order), JsonSerializer.Serialize(repeat.Value.Order));
        Assert.Equal(1, await OrdersOfBuyerAsync(host, DemoData.BuyerId));
        Assert.Equal(stockBefore - 1, await StockOfSingleProductAsync(host));
    }

    [Fact]
    public async Task R55_a_replay_answers_as_the_first_request_was_answered_even_after_the_order_changed()
    {
        await using var host = await OrderPlatformHost.StartAsync();
        var first = await host.SendAsync(DemoData.BuyerId, SingleProduct("then-cancelled", SameBody));
        var cancelled = await host.SendAsync(DemoData.BuyerId, new CancelOrderCommand(first.Value.Order.OrderId));

        var repeat = await host.SendAsync(DemoData.BuyerId, SingleProduct("then-cancelled", SameBody));

        Assert.True(cancelled.IsSuccess, cancelled.Error?.Name);
        Assert.True(repeat.Value.Replayed);
        Assert.Equal(0, repeat.Value.Order.Status);
        Assert.Equal(first.Value.Order.OrderId, repeat.Value.Order.OrderId);
    }

    [Fact]
    public async Task R55_the_same_key_with_another_body_is_refused_as_reused_and_writes_nothing()
    {
        await using var host = await OrderPlatformHost.StartAsync();
        await host.SendAsync(DemoData.BuyerId, SingleProduct("reused", SameBody));
        var stockAfterFirst = await StockOfSingleProductAsync(host);

        var other = await host.SendAsync(DemoData.BuyerId, SingleProduct("reused", OtherBody));

        Assert.Equal(ErrorCode.IdempotencyKeyReused, other.Error?.Code);
        Assert.Null(other.Error!.Field);
        Assert.Equal(1, await OrdersOfBuyerAsync(host, DemoData.BuyerId));
        Assert.Equal(stockAfterFirst, await StockOfSingleProductAsync(host));
    }

    [Fact]
    public async Task R55_a_refused_request_leaves_no_key_so_the_key_can_place_an_order_afterwards()
    {
        await using var host = await OrderPlatformHost.StartAsync();
        var refused = await host.SendAsync(DemoData.BuyerId, new CreateOrderCommand
        {
            GoodsId = DemoData.UnpublishedProductId,
            Idempotency = new IdempotencyKey("retry-after-refusal", OtherBody),
        });

        Assert.False(refused.IsSuccess);
        Assert.Equal(0, await KeysAsync(host));

        var placed = await host.SendAsync(DemoData.BuyerId, SingleProduct("retry-after-refusal", SameBody));

        Assert.True(placed.IsSuccess, placed.Error?.Name);
        Assert.False(placed.Value.Replayed);
        Assert.Equal(1, await KeysAsync(host));
    }

    [Fact]
    public async Task R55_keys_belong_to_their_buyer_and_compare_case_sensitively()
    {
        await using var host = await OrderPlatformHost.StartAsync();

        var mine = await host.SendAsync(DemoData.BuyerId, SingleProduct("shared-key", SameBody));
        var theirs = await host.SendAsync(DemoData.ReferredBuyerId, SingleProduct("shared-key", SameBody));
        var otherCase = await host.SendAsync(DemoData.BuyerId, SingleProduct("Shared-Key", SameBody));

        Assert.False(theirs.Value.Replayed);
        Assert.False(otherCase.Value.Replayed);
        Assert.Equal(3, new[] { mine, theirs, otherCase }.Select(r => r.Value.Order.Id).Distinct().Count());
        Assert.Equal(3, await KeysAsync(host));
    }

    [Fact]
    public async Task R55_the_same_key_sent_at_once_to_two_instances_on_one_database_places_exactly_one_order()
    {
        const int RepeatsPerInstance = 6;
        await using var first = await OrderPlatformHost.StartAsync();
        await using var second = await OrderPlatformHost.StartAsync(sharedDatabasePath: first.DatabasePath);
        var stockBefore = await StockOfSingleProductAsync(first);

        using var gate = new StartingGate();
        var repeats = Enumerable.Range(0, RepeatsPerInstance)
            .SelectMany(_ => new[] { first, second })
            .Select(instance => gate.Racer(() => instance.SendAsync(DemoData.BuyerId, SingleProduct("racing-retries", SameBody))))
            .ToArray();
        gate.Open();
        var results = await Task.WhenAll(repeats);

        var placed = Assert.Single(results, r => r is { IsSuccess: true, Value.Replayed: false });
        Assert.All(results.Where(r => r.IsSuccess), r => Assert.Equal(placed.Value.Order.Id, r.Value.Order.Id));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorCode.IdempotencyKeyInUse, r.Error!.Code));
        Assert.Equal(1, await OrdersOfBuyerAsync(first, DemoData.BuyerId));
        Assert.Equal(stockBefore - 1, await StockOfSingleProductAsync(first));
    }

    [Fact]
    public async Task R55_a_write_whose_key_another_transaction_recorded_first_rolls_back_whole_as_a_stale_read()
    {
        await using var host = await OrderPlatformHost.StartAsync();
        var first = await host.SendAsync(DemoData.BuyerId, SingleProduct("recorded-first", SameBody));
        var stockBefore = await StockOfSingleProductAsync(host);

        var late = await host.InScopeAsync(services =>
        {
            var unitOfWork = services.GetRequiredService<IUnitOfWork>();
            var stock = services.GetRequiredService<IStockLedger>();
            var records = services.GetRequiredService<IIdempotencyRecords>();
            return unitOfWork.RunAsync(
                () => unitOfWork.WriteAsync(
                    async token => await stock.TryReserveAsync(DemoData.SingleProductId, null, 1, token) ? Result.Success : Error.Of(ErrorCode.InsufficientStock),
                    token => records.RecordAsync(DemoData.BuyerId, new IdempotencyKey("recorded-first", SameBody), first.Value.Order, DateTimeOffset.UtcNow, token),
                    CancellationToken.None),
                CancellationToken.None);
        });

        Assert.True(late.ReadWentStale);
        Assert.Equal(ErrorCode.IdempotencyKeyInUse, late.Error?.Code);
        Assert.Equal(stockBefore, await StockOfSingleProductAsync(host));
        Assert.Equal(1, await KeysAsync(host));
    }

    [Fact]
    public async Task R55_R64_keys_are_kept_for_their_retention_and_purged_by_the_scheduled_sweep_after_it()
    {
        var clock = new ManualClock();
        await using var host = await OrderPlatformHost.StartAsync(clock: clock);
        await host.SendAsync(DemoData.BuyerId, SingleProduct("kept-a-day", SameBody));

        clock.Advance(TimeSpan.FromHours(23));
        var early = await PurgeAsync(host);
        var stillReplayed = await host.SendAsync(DemoData.BuyerId, SingleProduct("kept-a-day", SameBody));

        clock.Advance(TimeSpan.FromHours(2));
        var due = await PurgeAsync(host);
        var afterPurge = await host.SendAsync(DemoData.BuyerId, SingleProduct("kept-a-day", OtherBody));

        Assert.Equal(0, early.Done);
        Assert.True(stillReplayed.Value.Replayed);
        Assert.Equal(1, due.Done);
        Assert.True(afterPurge.IsSuccess, afterPurge.Error?.Name);
        Assert.False(afterPurge.Value.Replayed);
        Assert.Equal(2, await OrdersOfBuyerAsync(host, DemoData.BuyerId));
    }

    private static CreateOrderCommand SingleProduct(string key, string fingerprint) => new()
    {
        GoodsId = DemoData.SingleProductId,
        Idempotency = new IdempotencyKey(key, fingerprint),
    };

    private static Task<SweepReport> PurgeAsync(OrderPlatformHost host) => host.InScopeAsync(services =>
        services.GetServices<IScheduledSweep>().Single(s => s.GetType().Name == "ExpiredIdempotencyKeySweep").RunAsync(CancellationToken.None));

    private static Task<int> OrdersOfBuyerAsync(OrderPlatformHost host, long buyerId) => host.InScopeAsync(services =>
        services.GetRequiredService<OrderPlatformDbContext>().Orders.CountAsync(o => o.BuyerId == buyerId));

    private static Task<int> KeysAsync(OrderPlatformHost host) => host.InScopeAsync(services =>
        services.GetRequiredService<OrderPlatformDbContext>().IdempotencyKeys.CountAsync());

    private static Task<long> StockOfSingleProductAsync(OrderPlatformHost host) => host.InScopeAsync(services =>
        services.GetRequiredService<OrderPlatformDbContext>().Products.Where(p => p.Id == DemoData.SingleProductId).Select(p => p.Stock).SingleAsync());
}
