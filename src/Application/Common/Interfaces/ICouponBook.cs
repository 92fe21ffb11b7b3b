using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Coupons, their codes, and redemptions (docs/contract.md section 8).</summary>
public interface ICouponBook
{
    Task<CouponCode?> FindByIdAsync(long couponCodeId, CancellationToken cancellationToken);

    /// <summary>The code spelled exactly so (case-sensitive), or null.</summary>
    Task<CouponCode?> FindByCodeAsync(string code, CancellationToken cancellationToken);

    /// <summary>R37: the buyer's own code of the coupon that is neither used up nor redeemed by them, earliest get_time first.</summary>
    Task<CouponCode?> FindOwnUnusedAsync(long userId, long couponId, CancellationToken cancellationToken);

    Task<bool> HasRedeemedAsync(long couponCodeId, long userId, CancellationToken cancellationToken);

    /// <summary>
    /// R40, in the write step: one conditional increment of used_count (only while used_count &lt;
    /// max_uses), then the buyer's usage row for the order. Either guard can refuse: the uses
    /// ran out, or the buyer redeemed the code in another order since it was read.
    /// </summary>
    Task<RedemptionOutcome> TryRedeemAsync(long couponCodeId, long userId, OrderId orderId, CancellationToken cancellationToken);

    /// <summary>
    /// R40, in the write step of a cancel or close: removes the order's usage row and, when there was
    /// one, takes one off the code's used count, so the count always equals the usage rows (R66).
    /// </summary>
    Task GiveBackAsync(long couponCodeId, OrderId orderId, CancellationToken cancellationToken);
}

/// <summary>A redeemable code and its coupon; <see cref="OwnerId"/> 0 means anyone may use it.</summary>
public sealed record CouponCode(long Id, long OwnerId, int MaxUses, int UsedCount, Coupon Coupon);

/// <summary>A coupon's rule; times are null when unbounded.</summary>
public sealed record Coupon(
    long Id,
    bool IsActive,
    CouponKind Kind,
    long Money,
    long MaxMoney,
    long ConditionAmount,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    IReadOnlySet<long> GoodsScope);

/// <summary>How an attempt to redeem a code ended.</summary>
public enum RedemptionOutcome
{
    Redeemed,
    UsedUp,
    AlreadyUsed,
}
