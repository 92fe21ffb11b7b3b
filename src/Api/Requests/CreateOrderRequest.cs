using OrderPlatform.Application.Orders.Commands.CreateOrder;

namespace OrderPlatform.Api.Requests;

/// <summary>
/// The create-order body as AnQiCMS clients send it (snake_case JSON, unknown members ignored,
/// response-only members such as user_id or amounts ignored: R12, R20).
/// </summary>
public sealed class CreateOrderRequest
{
    public long? GoodsId { get; init; }

    public long? Quantity { get; init; }

    public long? GoodsSkuId { get; init; }

    public List<DetailRequest>? Details { get; init; }

    public string? Remark { get; init; }

    public string? Type { get; init; }

    public string? CouponCode { get; init; }

    public long? CouponCodeId { get; init; }

    public long? CouponId { get; init; }

    public AddressRequest? Address { get; init; }

    public List<long>? CartIds { get; init; }

    /// <summary>The command; the buyer is whoever the token says, never a member of the body (R12).</summary>
    public CreateOrderCommand ToCommand() => new()
    {
        GoodsId = GoodsId ?? 0,
        Quantity = Quantity ?? 0,
        GoodsSkuId = GoodsSkuId ?? 0,
        // A null entry is an entry that names nothing: it is refused as goods_not_found at its own path.
        Details = Details?.Select(d => d?.ToDetail() ?? new CreateOrderDetail()).ToArray() ?? [],
        CartIds = CartIds?.ToArray() ?? [],
        Remark = Remark,
        Type = Type,
        CouponCode = CouponCode,
        CouponCodeId = CouponCodeId ?? 0,
        CouponId = CouponId ?? 0,
        Address = Address?.ToAddress(),
    };

    /// <summary>One entry of details.</summary>
    public sealed class DetailRequest
    {
        public long? GoodsId { get; init; }

        public long? GoodsSkuId { get; init; }

        public long? Quantity { get; init; }

        public List<SkuValueRequest>? SkuValues { get; init; }

        public long? Price { get; init; }

        public long? TotalPrice { get; init; }

        public CreateOrderDetail ToDetail() => new()
        {
            GoodsId = GoodsId ?? 0,
            GoodsSkuId = GoodsSkuId ?? 0,
            Quantity = Quantity ?? 0,
            SkuValues = SkuValues?.Select(v => v?.Id ?? 0).ToArray() ?? [],
            Price = Price,
            TotalPrice = TotalPrice,
        };
    }

    /// <summary>A chosen option value; only its id counts, the titles are the client's copy.</summary>
    public sealed class SkuValueRequest
    {
        public long? Id { get; init; }
    }

    /// <summary>The address member.</summary>
    public sealed class AddressRequest
    {
        public long? Id { get; init; }

        public string? Name { get; init; }

        public string? Phone { get; init; }

        public string? Province { get; init; }

        public string? City { get; init; }

        public string? Country { get; init; }

        public string? AddressInfo { get; init; }

        public string? Postcode { get; init; }

        public CreateOrderAddress ToAddress() => new()
        {
            Id = Id ?? 0,
            Name = Name,
            Phone = Phone,
            Province = Province,
            City = City,
            Country = Country,
            AddressInfo = AddressInfo,
            Postcode = Postcode,
        };
    }
}
