using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of coupon_usages: one redemption of a code by a user for an order.</summary>
public sealed class CouponUsageRecord
{
    public long Id { get; set; }

    public long CouponCodeId { get; set; }

    public long UserId { get; set; }

    public OrderId OrderId { get; set; }

    public long CreatedTime { get; set; }
}
