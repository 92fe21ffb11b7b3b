using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Idempotency;
using OrderPlatform.Application.Common.Messaging;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>
/// Place a pending-payment order for the current user, as the AnQiCMS create-order request states
/// it: primitives as sent. Member names mirror the JSON names, so a validation failure on
/// <c>Details[0].Quantity</c> is reported at <c>details[0].quantity</c>.
/// </summary>
public sealed record CreateOrderCommand : ICommand<Result<PlacedOrder>>, IBuyerRequest
{
    public long GoodsId { get; init; }

    /// <summary>Absent or 0 means 1 (R15).</summary>
    public long Quantity { get; init; }

    public long GoodsSkuId { get; init; }

    public IReadOnlyList<CreateOrderDetail> Details { get; init; } = [];

    public IReadOnlyList<long> CartIds { get; init; } = [];

    public string? Remark { get; init; }

    public string? Type { get; init; }

    public string? CouponCode { get; init; }

    public long CouponCodeId { get; init; }

    public long CouponId { get; init; }

    public CreateOrderAddress? Address { get; init; }

    /// <summary>The request's Idempotency-Key header with its fingerprint, when it sent one (R55).</summary>
    public IdempotencyKey? Idempotency { get; init; }
}

/// <summary>One entry of <c>details</c>.</summary>
public sealed record CreateOrderDetail
{
    public long GoodsId { get; init; }

    public long GoodsSkuId { get; init; }

    /// <summary>Absent or 0 means 1 (R15).</summary>
    public long Quantity { get; init; }

    /// <summary>The ids of the chosen option values.</summary>
    public IReadOnlyList<long> SkuValues { get; init; } = [];

    /// <summary>The unit price the client showed, checked against the server's when sent (R19).</summary>
    public long? Price { get; init; }

    /// <summary>The line amount the client showed, checked against the server's when sent (R19).</summary>
    public long? TotalPrice { get; init; }
}

/// <summary>The <c>address</c> member: a saved address by id, new or updated parts, or both (R29, R30).</summary>
public sealed record CreateOrderAddress
{
    public long Id { get; init; }

    public string? Name { get; init; }

    public string? Phone { get; init; }

    public string? Province { get; init; }

    public string? City { get; init; }

    /// <summary>The district; AnQiCMS calls it "country".</summary>
    public string? Country { get; init; }

    public string? AddressInfo { get; init; }

    public string? Postcode { get; init; }

    /// <summary>True when only the id was sent: use the saved address as it is.</summary>
    public bool IsReferenceOnly =>
        Name is null && Phone is null && Province is null && City is null && Country is null && AddressInfo is null && Postcode is null;
}
