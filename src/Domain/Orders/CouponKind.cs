namespace OrderPlatform.Domain.Orders;

/// <summary>How a coupon takes money off (the coupon's money_type).</summary>
public enum CouponKind
{
    /// <summary>A fixed amount in minor units.</summary>
    FixedAmount = 0,

    /// <summary>A percentage of the eligible subtotal, optionally capped.</summary>
    Percent = 1,
}
