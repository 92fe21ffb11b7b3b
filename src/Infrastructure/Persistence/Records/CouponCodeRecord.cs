namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of coupon_codes: one redeemable code of a coupon.</summary>
public sealed class CouponCodeRecord
{
    public long Id { get; set; }

    public long CouponId { get; set; }

    /// <summary>Unique, matched case-sensitively.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>The owner; 0 when anyone may use it.</summary>
    public long UserId { get; set; }

    public int MaxUses { get; set; }

    public int UsedCount { get; set; }

    /// <summary>When the owner got it, unix seconds.</summary>
    public long GetTime { get; set; }

    public CouponRecord Coupon { get; set; } = null!;
}
