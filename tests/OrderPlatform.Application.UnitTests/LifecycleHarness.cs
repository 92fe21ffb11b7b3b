using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Scheduling;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Application.Orders.Commands.CloseOrder;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.UnitTests;

/// <summary>
/// Sends the order's after-placing requests through the whole pipeline (AddApplication and
/// IMediator) against port substitutes, with orders built by the domain as the repository would
/// load them.
/// </summary>
internal sealed class LifecycleHarness
{
    public const long OtherBuyerId = 1001;
    public const long CouponCodeId = 500;

    private static readonly Currency Cny = Currency.Of("CNY");
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public LifecycleHarness()
    {
        Users.FindUserAsync(World.BuyerId, Arg.Any<CancellationToken>()).Returns(World.Buyer);
        Users.FindUserAsync(OtherBuyerId, Arg.Any<CancellationToken>()).Returns(World.Buyer with { Id = OtherBuyerId });
        Orders.TryMoveAsync(default!, default, default).ReturnsForAnyArgs(true);
    }

    public IOrderRepository Orders { get; } = Substitute.For<IOrderRepository>();

    public IStockLedger Stock { get; } = Substitute.For<IStockLedger>();

    public ICouponBook Coupons { get; } = Substitute.For<ICouponBook>();

    public IUserDirectory Users { get; } = Substitute.For<IUserDirectory>();

    public IOrderReadModel ReadModel { get; } = Substitute.For<IOrderReadModel>();

    public StepRecordingUnitOfWork UnitOfWork { get; } = new();

    /// <summary>The user the token names, or null for an anonymous caller.</summary>
    public long? CurrentUserId { get; set; } = World.BuyerId;

    /// <summary>Five minutes after <see cref="World.Now"/>: within the 30-minute payment window.</summary>
    public DateTimeOffset Now { get; set; } = World.Now.AddMinutes(5);

    public Dictionary<string, string?> Configuration { get; } = [];

    /// <summary>A waiting order placed at <see cref="World.Now"/> by the buyer, identified as <paramref name="id"/>.</summary>
    public static Order Waiting(long id, OrderType type = OrderType.Goods, bool withCoupon = false, params OrderLineDraft[] lines)
    {
        var placement = new OrderPlacement
        {
            BuyerId = World.BuyerId,
            Type = type,
            TimeZone = Shanghai,
            PaymentWindow = TimeSpan.FromMinutes(30),
            Currency = Cny,
            MaxLines = 100,
            MaxQuantityPerLine = 9999,
            Earnings = EarningsPolicy.SellerOnly(80),
            Coupon = withCoupon
                ? new CouponTerms { CouponId = 50, CouponCodeId = CouponCodeId, Kind = CouponKind.FixedAmount, Value = 1000, MaxUses = 100 }
                : null,
        };
        var order = Order.Place(placement, lines.Length > 0 ? lines : [Line(188, quantity: 2)], World.Now).Value;
        order.AssignId(new OrderId(id));
        return order;
    }

    public static OrderLineDraft Line(long goodsId, long? skuId = null, int quantity = 1, long sellerId = World.SellerId) => new()
    {
        GoodsId = goodsId,
        SkuId = skuId,
        SellerId = sellerId,
        Snapshot = LineSnapshot.Of($"Goods {goodsId}", []),
        UnitPrice = Money.Of(9900, Cny),
        OriginPrice = Money.Of(9900, Cny),
        Quantity = quantity,
    };

    /// <summary>The repository finds the order by number and by id.</summary>
    public Order GivenStored(Order order)
    {
        Orders.FindAsync(order.Number, Arg.Any<CancellationToken>()).Returns(order);
        Orders.FindAsync(order.Id, Arg.Any<CancellationToken>()).Returns(order);
        return order;
    }

    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var provider = BuildProvider();
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Runs the close job's sweep once, as the scheduler does at each tick.</summary>
    public async Task<SweepReport> SendSweepAsync()
    {
        await using var provider = BuildProvider();
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetServices<IScheduledSweep>().OfType<OverdueOrderSweep>().Single().RunAsync(CancellationToken.None);
    }

    private ServiceProvider BuildProvider() =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddApplication(new ConfigurationBuilder().AddInMemoryCollection(Configuration).Build())
            .AddSingleton<ICurrentUser>(new SignedIn(CurrentUserId))
            .AddSingleton(Orders)
            .AddSingleton(Stock)
            .AddSingleton(Coupons)
            .AddSingleton(Users)
            .AddSingleton(ReadModel)
            .AddSingleton<IIdempotencyRecords>(new InMemoryIdempotencyRecords())
            .AddSingleton<IUnitOfWork>(UnitOfWork)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
}
