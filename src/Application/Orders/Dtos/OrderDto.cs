using System.Text.Json.Serialization;
using OrderPlatform.Application.Common.Messaging;

namespace OrderPlatform.Application.Orders.Dtos;

/// <summary>An order as the AnQiCMS API returns it (R51): amounts in minor units, times in unix seconds.</summary>
public sealed record OrderDto : IReferencedResult
{
    public long Id { get; init; }

    /// <summary>The order number (R52).</summary>
    public string OrderId { get; init; } = string.Empty;

    public string PaymentId { get; init; } = string.Empty;

    public long UserId { get; init; }

    public long AddressId { get; init; }

    public string Remark { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public int Status { get; init; }

    public int RefundStatus { get; init; }

    public long OriginAmount { get; init; }

    public long Amount { get; init; }

    public long DiscountAmount { get; init; }

    public long PaidTime { get; init; }

    /// <summary>The payment deadline (R53); 0 when auto-close is off.</summary>
    public long EndTime { get; init; }

    public long DeliverTime { get; init; }

    public long FinishedTime { get; init; }

    public long SellerId { get; init; }

    public long SellerAmount { get; init; }

    public long ShareUserId { get; init; }

    public long ShareParentUserId { get; init; }

    public long ShareAmount { get; init; }

    public long ShareParentAmount { get; init; }

    public string ExpressCompany { get; init; } = string.Empty;

    public string TrackingNumber { get; init; } = string.Empty;

    public long CreatedTime { get; init; }

    public long UpdatedTime { get; init; }

    public long CouponId { get; init; }

    public long CouponCodeId { get; init; }

    public OrderAddressDto? OrderAddress { get; init; }

    public IReadOnlyList<OrderLineDto> Details { get; init; } = [];

    /// <summary>Present only when a product asks the buyer for more information (R54).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CustomFormUrl { get; init; }

    string IReferencedResult.Reference => OrderId;
}
