using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Scheduling;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// R64 on a real SQLite file with a clock the test moves: the close job closes exactly the orders
/// waiting past their end_time, gives back what they held, finds nothing more on its next run, is
/// off with Orders:AutoCloseMinutes 0, takes the earliest deadlines first, logs each run's count
/// and time, and closes each order once when two service instances sweep the same database.
/// </summary>
[Collection(LifecycleRaces.Name)]
public sealed class CloseJobTests
{
    /// <summary>Orders placed at each of two clock times in the single-instance tests.</summary>
    private const int OrdersPerGroup = 10;

    /// <summary>Overdue orders for two instances: more than one batch of 100 (OverdueOrderSweep.BatchSize).</summary>
    private const int OverdueForTwoInstances = 150;

    [Fact]
    public async Task R64_the_close_job_closes_only_the_orders_past_their_deadline_and_its_next_run_closes_nothing_more()
    {
        var clock = new ManualClock();
        await using var host = await OrderPlatformHost.StartAsync(clock: clock);
        var invariants = await LifecycleInvariants.SnapshotAsync(host);
        var early = await LifecycleScenario.PlaceAsync(host, OrdersPerGroup);
        clock.Advance(TimeSpan.FromMinutes(10));
        var late = await LifecycleScenario.PlaceAsync(host, OrdersPerGroup, first: OrdersPerGroup);

        // 31 minutes after the early orders: past their end_time, 9 minutes before the late ones'.
        clock.Advance(TimeSpan.FromMinutes(21));
        var report = await LifecycleScenario.SweepAsync(host);

        Assert.Equal((OrdersPerGroup, 0), (report.Done, report.Skipped));
        var stored = await LifecycleScenario.StoredOrdersAsync(host);
        Assert.All(early, o => Assert.Equal((OrderStatus.Cancelled, clock.GetUtcNow()), (stored[o.Number].Status, stored[o.Number].UpdatedAt)));
        Assert.All(late, o => Assert.Equal(OrderStatus.PendingPayment, stored[o.Number].Status));

        // The closed orders' stock and coupon uses (the early ones hold all eight) are back; the late ones' still held.
        await invariants.AssertHoldAsync(host);

        // The next tick, through the scheduler itself: nothing is due, nothing changes.
        await SchedulerOf(host).RunOnceAsync(CancellationToken.None);
        Assert.Equal(stored, await LifecycleScenario.StoredOrdersAsync(host));
        Assert.Equal((0, 0), await DoneAndSkippedAsync(host));

        // Once the late orders' deadline passes too, they are the ones closed.
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal((OrdersPerGroup, 0), await DoneAndSkippedAsync(host));
        Assert.All((await LifecycleScenario.StoredOrdersAsync(host)).Values, o => Assert.Equal(OrderStatus.Cancelled, o.Status));
        await invariants.AssertHoldAsync(host);
    }

    [Fact]
    public async Task R64_with_AutoCloseMinutes_0_the_close_job_closes_nothing_and_orders_get_no_deadline()
    {
        var clock = new ManualClock();
        await using var on = await OrderPlatformHost.StartAsync(clock: clock);
        var invariants = await LifecycleInvariants.SnapshotAsync(on);
        await using var off = await OrderPlatformHost.StartAsync(
            new Dictionary<string, string?> { ["Orders:AutoCloseMinutes"] = "0" }, clock, sharedDatabasePath: on.DatabasePath);
        var withDeadline = await LifecycleScenario.PlaceAsync(on, OrdersPerGroup);
        var withoutDeadline = await LifecycleScenario.PlaceAsync(off, OrdersPerGroup, first: OrdersPerGroup);
        Assert.All(withoutDeadline, o => Assert.Equal(0, o.Order.EndTime));

        clock.Advance(TimeSpan.FromDays(2));

        // The instance with the job off closes nothing, not even the orders another instance gave a deadline.
        Assert.Equal((0, 0), await DoneAndSkippedAsync(off));
        await SchedulerOf(off).RunOnceAsync(CancellationToken.None);
        Assert.All((await LifecycleScenario.StoredOrdersAsync(on)).Values, o => Assert.Equal(OrderStatus.PendingPayment, o.Status));

        // With the job on, only orders with a deadline are ever due: an order placed while it was off never is.
        Assert.Equal((OrdersPerGroup, 0), await DoneAndSkippedAsync(on));
        var stored = await LifecycleScenario.StoredOrdersAsync(on);
        Assert.All(withDeadline, o => Assert.Equal(OrderStatus.Cancelled, stored[o.Number].Status));
        Assert.All(withoutDeadline, o => Assert.Equal(OrderStatus.PendingPayment, stored[o.Number].Status));
        await invariants.AssertHoldAsync(on);
    }

    [Fact]
    public async Task R64_R66_two_service_instances_sweeping_one_database_close_each_overdue_order_exactly_once()
    {
        var clock = new ManualClock();
        await using var first = await OrderPlatformHost.StartAsync(clock: clock);
        await using var second = await OrderPlatformHost.StartAsync(clock: clock, sharedDatabasePath: first.DatabasePath);
        var invariants = await LifecycleInvariants.SnapshotAsync(first);
        await LifecycleScenario.PlaceAsync(first, OverdueForTwoInstances);
        clock.Advance(TimeSpan.FromMinutes(31));

        // Two service providers: two writer gates, two connection sets; only SQLite's own locking is shared.
        using var gate = new StartingGate();
        var sweeps = new[] { gate.Racer(() => LifecycleScenario.SweepAsync(first)), gate.Racer(() => LifecycleScenario.SweepAsync(second)) };
        gate.Open();
        var reports = await Task.WhenAll(sweeps);

        Assert.Equal(OverdueForTwoInstances, reports.Sum(r => r.Done));
        Assert.All((await LifecycleScenario.StoredOrdersAsync(second)).Values, o => Assert.Equal(OrderStatus.Cancelled, o.Status));
        await invariants.AssertHoldAsync(second);
        Assert.Equal((0, 0), await DoneAndSkippedAsync(first));
    }

    [Fact]
    public async Task R64_overdue_orders_are_taken_earliest_deadline_first_and_each_run_logs_its_count_and_time()
    {
        var clock = new ManualClock();
        await using var host = await OrderPlatformHost.StartAsync(clock: clock);
        var placed = new List<PlacedOrder>();
        for (var i = 0; i < 3; i++)
        {
            placed.AddRange(await LifecycleScenario.PlaceAsync(host, 1, first: i));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        clock.Advance(TimeSpan.FromMinutes(31));
        var firstTwo = await host.InScopeAsync(services =>
            services.GetRequiredService<IOrderRepository>().FindOverdueAsync(clock.GetUtcNow(), 2, CancellationToken.None));

        Assert.Equal(placed.Take(2).Select(o => o.Order.Id), firstTwo.Select(id => id.Value));

        var logger = new RecordingLogger<SweepScheduler>();
        var scheduler = new SweepScheduler(
            host.Services.GetRequiredService<IServiceScopeFactory>(), host.Services.GetRequiredService<IOptions<OrderOptions>>(), clock, logger);
        await scheduler.RunOnceAsync(CancellationToken.None);

        var line = Assert.Single(logger.Lines, l => l.Message.StartsWith("OverdueOrderSweep ", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Matches(@"^OverdueOrderSweep did 3 and skipped 0 in \d+(\.\d)? ms$", line.Message);

        // R55, R64: the same scheduler, in the same run, purges expired idempotency keys (none are due here).
        Assert.Single(logger.Lines, l => l.Message.StartsWith("ExpiredIdempotencyKeySweep ", StringComparison.Ordinal));
    }

    private static SweepScheduler SchedulerOf(OrderPlatformHost host) =>
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<SweepScheduler>());

    private static async Task<(int Done, int Skipped)> DoneAndSkippedAsync(OrderPlatformHost host)
    {
        var report = await LifecycleScenario.SweepAsync(host);
        return (report.Done, report.Skipped);
    }
}
