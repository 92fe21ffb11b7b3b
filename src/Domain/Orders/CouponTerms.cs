using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.Orders;

/// <summary>
/// The coupon code a buyer redeems, as the buyer finds it now: whether they may still redeem it
/// (R38's checks on the code) and what it takes off the order (R38's checks on the order, R39).
/// Both sets of rules live here, so one place answers "does this coupon apply, and by how much".
/// </summary>
public sealed record CouponTerms
{
    public required long CouponId { get; init; }

    public required long CouponCodeId { get; init; }

    public required CouponKind Kind { get; init; }

    /// <summary>Minor units off for <see cref="CouponKind.FixedAmount"/>, per cent (1-100) for <see cref="CouponKind.Percent"/>.</summary>
    public required long Value { get; init; }

    /// <summary>The most a percent coupon takes off, in minor units; 0 for no cap.</summary>
    public long MaxDiscount { get; init; }

    /// <summary>The eligible subtotal the buyer must reach, in minor units; 0 for none.</summary>
    public long MinimumSpend { get; init; }

    /// <summary>The goods the coupon applies to; empty for all goods.</summary>
    public IReadOnlySet<long> GoodsScope { get; init; } = new HashSet<long>();

    /// <summary>The user the code was given to; 0 when anyone may use it.</summary>
    public long OwnerId { get; init; }

    /// <summary>False once the coupon has been withdrawn.</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>The first moment the code can be used; null when it always could.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>The moment the code stops working; null when it never does.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    public int MaxUses { get; init; } = 1;

    public int UsedCount { get; init; }

    /// <summary>Whether this buyer has redeemed this code before; a code serves each buyer once.</summary>
    public bool RedeemedByBuyer { get; init; }

    public bool Covers(long goodsId) => GoodsScope.Count == 0 || GoodsScope.Contains(goodsId);

    /// <summary>
    /// Whether <paramref name="buyerId"/> may redeem the code at <paramref name="at"/>, checked in the
    /// contract's order (R38). Someone else's or a withdrawn code is not found, so it cannot be told
    /// from one that does not exist.
    /// </summary>
    public DomainResult CheckEligibility(long buyerId, DateTimeOffset at)
    {
        if ((OwnerId != 0 && OwnerId != buyerId) || !IsActive)
        {
            return new DomainError(DomainErrorCode.CouponNotFound);
        }

        if (StartsAt is { } startsAt && at < startsAt)
        {
            return new DomainError(DomainErrorCode.CouponNotStarted);
        }

        if (EndsAt is { } endsAt && at >= endsAt)
        {
            return new DomainError(DomainErrorCode.CouponExpired);
        }

        if (UsedCount >= MaxUses)
        {
            return new DomainError(DomainErrorCode.CouponUsedUp);
        }

        return RedeemedByBuyer ? new DomainError(DomainErrorCode.CouponAlreadyUsed) : DomainResult.Success;
    }

    /// <summary>
    /// What the coupon takes off an order of <paramref name="type"/> whose covered lines add up to
    /// <paramref name="eligibleSubtotal"/> (R38's last checks, R39): a fixed amount never more than the
    /// subtotal, a percentage truncated and then capped.
    /// </summary>
    public DomainResult<Money> DiscountOn(OrderType type, Money eligibleSubtotal)
    {
        ArgumentNullException.ThrowIfNull(eligibleSubtotal);
        if (type != OrderType.Goods || eligibleSubtotal.MinorUnits == 0)
        {
            return new DomainError(DomainErrorCode.CouponNotApplicable);
        }

        if (eligibleSubtotal.MinorUnits < MinimumSpend)
        {
            return new DomainError(DomainErrorCode.CouponMinSpendNotMet);
        }

        var discount = Kind switch
        {
            CouponKind.FixedAmount => Math.Min(Value, eligibleSubtotal.MinorUnits),
            CouponKind.Percent => CappedPercentOf(eligibleSubtotal),
            _ => throw new DomainException($"Unknown coupon kind {Kind}."),
        };
        return Money.Of(discount, eligibleSubtotal.Currency);
    }

    /// <summary>Two terms are the same when every fact is, the goods scope compared as a set.</summary>
    public bool Equals(CouponTerms? other) =>
        other is not null
        && (CouponId, CouponCodeId, Kind, Value, MaxDiscount, MinimumSpend) == (other.CouponId, other.CouponCodeId, other.Kind, other.Value, other.MaxDiscount, other.MinimumSpend)
        && (OwnerId, IsActive, StartsAt, EndsAt, MaxUses, UsedCount, RedeemedByBuyer) == (other.OwnerId, other.IsActive, other.StartsAt, other.EndsAt, other.MaxUses, other.UsedCount, other.RedeemedByBuyer)
        && GoodsScope.SetEquals(other.GoodsScope);

    public override int GetHashCode() => HashCode.Combine(CouponId, CouponCodeId, Kind, Value, UsedCount, RedeemedByBuyer, GoodsScope.Count);

    private long CappedPercentOf(Money subtotal)
    {
        var percent = (int)Math.Clamp(Value, 0, 100);
        var discount = subtotal.Percent(percent).MinorUnits;
        return MaxDiscount > 0 ? Math.Min(discount, MaxDiscount) : discount;
    }
}
