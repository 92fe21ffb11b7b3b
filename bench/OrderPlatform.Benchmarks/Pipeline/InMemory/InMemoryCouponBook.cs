using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Benchmarks.Pipeline.InMemory;

/// <summary>The seed's "20 off any order" code, never redeemed by the buyer and never used up.</summary>
internal sealed class InMemoryCouponBook : ICouponBook
{
    private static readonly Task<bool> NotRedeemed = Task.FromResult(false);
    private static readonly Task<RedemptionOutcome> Redeemed = Task.FromResult(RedemptionOutcome.Redeemed);

    private readonly Task<CouponCode?> _fixedCode;

    public InMemoryCouponBook(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var coupon = new Coupon(
            DemoData.FixedCouponId,
            IsActive: true,
            CouponKind.FixedAmount,
            Money: 2000,
            MaxMoney: 0,
            ConditionAmount: 0,
            StartsAt: now.AddDays(-1),
            EndsAt: now.AddDays(365),
            GoodsScope: new HashSet<long>());
        _fixedCode = Task.FromResult<CouponCode?>(new CouponCode(DemoData.FixedCouponCodeId, OwnerId: 0, MaxUses: 1000, UsedCount: 0, coupon));
    }

    public Task<CouponCode?> FindByIdAsync(long couponCodeId, CancellationToken cancellationToken) =>
        couponCodeId == DemoData.FixedCouponCodeId ? _fixedCode : Task.FromResult<CouponCode?>(null);

    public Task<CouponCode?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
        code == DemoData.FixedCouponCode ? _fixedCode : Task.FromResult<CouponCode?>(null);

    public Task<CouponCode?> FindOwnUnusedAsync(long userId, long couponId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The second scenario names its coupon by code, not by coupon id.");

    public Task<bool> HasRedeemedAsync(long couponCodeId, long userId, CancellationToken cancellationToken) => NotRedeemed;

    public Task<RedemptionOutcome> TryRedeemAsync(long couponCodeId, long userId, OrderId orderId, CancellationToken cancellationToken) => Redeemed;

    public Task GiveBackAsync(long couponCodeId, OrderId orderId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Only cancelling or closing an order gives a coupon use back.");
}
