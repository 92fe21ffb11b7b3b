using System.Collections.Concurrent;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders.Commands.CancelOrder;
using OrderPlatform.Application.Orders.Commands.CloseOrder;
using OrderPlatform.Application.Orders.Commands.ConfirmPayment;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// R66 under a concurrent mix: creates, cancels (by the buyer and by other users), closes, runs of
/// the close job, payments (right and wrong amounts) and clock moves, drawn from a seeded Random so
/// the same operations run every time (their interleaving is the scheduler's). The invariants are
/// checked over and over while the mix runs, then once at the end; every answer must be one the
/// contract allows for that operation.
/// </summary>
[Collection(LifecycleRaces.Name)]
public sealed class MixedLifecycleTests
{
    private const int Seed = 20261130;
    private const int Operations = 300;
    private const int Workers = 6;

    /// <summary>How far one clock move goes: about 20 moves in the mix carry the first orders well past their 30 minutes.</summary>
    private static readonly TimeSpan ClockStep = TimeSpan.FromMinutes(5);

    private static readonly ErrorCode[] CreateRefusals =
    [
        ErrorCode.InsufficientStock, ErrorCode.CouponAlreadyUsed, ErrorCode.CouponUsedUp, ErrorCode.CouponNotFound,
        ErrorCode.CouponNotApplicable, ErrorCode.CouponMinSpendNotMet,
    ];

    private static readonly ErrorCode[] PaymentRefusals = [ErrorCode.OrderClosed, ErrorCode.OrderAlreadyPaid, ErrorCode.AmountMismatch];

    private static readonly string?[] Coupons =
        [DemoData.FixedCouponCode, DemoData.PercentCouponCode, DemoData.ShirtOnlyCouponCode, DemoData.BuyerPersonalCouponCode, null, null];

    private enum Kind
    {
        Create,
        Cancel,
        Pay,
        Close,
        Sweep,
        MoveClock,
    }

    [Fact]
    public async Task R66_a_seeded_random_mix_of_creates_cancels_closes_and_payments_keeps_the_invariants_while_it_runs_and_after()
    {
        var clock = new ManualClock();
        await using var host = await OrderPlatformHost.StartAsync(clock: clock);
        var invariants = await LifecycleInvariants.SnapshotAsync(host);
        var random = new Random(Seed);
        var steps = new ConcurrentQueue<Step>(Enumerable.Range(0, Operations)
            .Select(index => new Step(index, KindFor(random.Next(100)), random.Next(), random.Next(), random.Next())));
        var run = new MixRun(host, clock);

        using var gate = new StartingGate();
        var workers = Enumerable.Range(0, Workers).Select(_ => gate.Racer(async () =>
        {
            while (steps.TryDequeue(out var step))
            {
                await run.RunAsync(step);
            }

            return true;
        })).ToArray();
        var allDone = Task.WhenAll(workers);
        var checker = gate.Racer(async () =>
        {
            var checks = 0;
            do
            {
                await invariants.AssertHoldAsync(host);
                checks++;
            }
            while (!allDone.IsCompleted);
            return checks;
        });
        gate.Open();
        await allDone;
        Assert.True(await checker > 0);

        await invariants.AssertHoldAsync(host);
        var stored = (await LifecycleScenario.StoredOrdersAsync(host)).Values;
        Assert.All(stored, o => Assert.Contains(o.Status, new[] { OrderStatus.Cancelled, OrderStatus.PendingPayment, OrderStatus.Paid }));
        Assert.All(stored, o => Assert.Equal(o.Status == OrderStatus.Paid, o.PaymentId is not null));

        // The mix did exercise every way out of waiting, not only creates and refusals.
        Assert.Equal(run.Placed.Count, stored.Count);
        Assert.Contains(stored, o => o.Status == OrderStatus.Paid);
        Assert.True(run.Cancelled > 0 && run.Closed > 0, $"cancelled {run.Cancelled}, closed {run.Closed}");
    }

    private static Kind KindFor(int percent) => percent switch
    {
        < 40 => Kind.Create,
        < 60 => Kind.Cancel,
        < 78 => Kind.Pay,
        < 88 => Kind.Close,
        < 93 => Kind.Sweep,
        _ => Kind.MoveClock,
    };

    /// <summary>One operation of the mix with its draws: which buyer, goods, coupon and order it uses.</summary>
    private sealed record Step(int Index, Kind Kind, int A, int B, int C);

    /// <summary>Runs steps against one host, asserting each answer, and keeps the orders placed so far.</summary>
    private sealed class MixRun(OrderPlatformHost host, ManualClock clock)
    {
        private readonly List<PlacedOrder> _placed = [];
        private int _cancelled;
        private int _closed;

        public IReadOnlyList<PlacedOrder> Placed
        {
            get
            {
                lock (_placed)
                {
                    return [.. _placed];
                }
            }
        }

        public int Cancelled => _cancelled;

        public int Closed => _closed;

        public async Task RunAsync(Step step)
        {
            switch (step.Kind)
            {
                case Kind.Create:
                    await CreateAsync(step);
                    break;
                case Kind.MoveClock:
                    clock.Advance(ClockStep);
                    break;
                case Kind.Sweep:
                    Interlocked.Add(ref _closed, (await LifecycleScenario.SweepAsync(host)).Done);
                    break;
                default:
                    if (Pick(step.A) is { } order)
                    {
                        await (step.Kind switch
                        {
                            Kind.Cancel => CancelAsync(step, order),
                            Kind.Pay => PayAsync(step, order),
                            _ => CloseAsync(order),
                        });
                    }

                    break;
            }
        }

        private async Task CreateAsync(Step step)
        {
            var buyer = LifecycleScenario.Buyers[step.A % LifecycleScenario.Buyers.Length];
            var coupon = Coupons[step.C % Coupons.Length];
            var command = (step.B % 8) switch
            {
                5 => new CreateOrderCommand { GoodsId = DemoData.LastUnitProductId, CouponCode = coupon },
                6 => new CreateOrderCommand { GoodsId = DemoData.OtherSellerProductId, Quantity = 2, CouponCode = coupon },
                7 => new CreateOrderCommand { Type = "vip", GoodsId = DemoData.VipGroupId },
                var goods => LifecycleScenario.GoodsOrder(goods, coupon),
            };
            var result = await host.SendAsync(buyer, command);
            if (result.IsSuccess)
            {
                lock (_placed)
                {
                    _placed.Add(new PlacedOrder(buyer, result.Value.Order));
                }
            }
            else
            {
                Assert.Contains(result.Error!.Code, CreateRefusals);
            }
        }

        private async Task CancelAsync(Step step, PlacedOrder order)
        {
            // One cancel in five comes from another buyer, who must not find the order (R63).
            var caller = step.B % 5 == 0 ? LifecycleScenario.Buyers.First(b => b != order.BuyerId) : order.BuyerId;
            var result = await host.SendAsync(caller, new CancelOrderCommand(order.Number));
            if (caller != order.BuyerId)
            {
                Assert.Equal(ErrorCode.OrderNotFound, result.Error?.Code);
            }
            else if (result.IsSuccess)
            {
                Assert.Equal((int)OrderStatus.Cancelled, result.Value.Status);
                Interlocked.Increment(ref _cancelled);
            }
            else
            {
                Assert.Equal(ErrorCode.OrderNotCancellable, result.Error!.Code);
                Assert.NotEqual((int)OrderStatus.PendingPayment, result.Error.Data["status"]);
            }
        }

        private async Task PayAsync(Step step, PlacedOrder order)
        {
            // One payment in ten carries the wrong amount.
            var amount = step.B % 10 == 0 ? order.Order.Amount + 1 : order.Order.Amount;
            var result = await host.SendAsync(new ConfirmPaymentCommand(order.Number, $"pay-{step.Index}", amount));
            if (result.IsSuccess)
            {
                Assert.Equal((int)OrderStatus.Paid, result.Value.Status);
            }
            else
            {
                Assert.Contains(result.Error!.Code, PaymentRefusals);
            }
        }

        private async Task CloseAsync(PlacedOrder order)
        {
            var result = await host.SendAsync(new CloseOrderCommand(new OrderId(order.Order.Id)));
            Assert.True(result.IsSuccess, result.Error?.Name);
            if (result.Value.Closed)
            {
                Interlocked.Increment(ref _closed);
            }
        }

        private PlacedOrder? Pick(int draw)
        {
            lock (_placed)
            {
                return _placed.Count == 0 ? null : _placed[draw % _placed.Count];
            }
        }
    }
}
