using AutoMapper;
using OrderPlatform.Application.Orders;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Configurations;

namespace OrderPlatform.Infrastructure.Persistence.Queries;

/// <summary>
/// The columns the order answer (R51, R61) needs, selected in SQL, and how they become the answer:
/// one row per line (or one for an order without lines), the order's columns and its address copy
/// repeated on each. The seller and promoter percentages and the currency stay in the database.
/// </summary>
internal static class OrderProjection
{
    /// <summary>The select list and joins; the caller adds WHERE and ORDER BY (by order, then by line id).</summary>
    public const string Columns =
        @"SELECT o.id, o.order_id, o.user_id, o.type, o.status, o.remark, o.seller_id, o.share_user_id, o.share_parent_user_id,
                 o.coupon_id, o.coupon_code_id, o.address_id, o.custom_form_url, o.created_time, o.updated_time, o.end_time,
                 o.paid_time, o.payment_id, o.origin_amount, o.discount_amount, o.amount, o.seller_amount, o.share_amount,
                 o.share_parent_amount,
                 a.name, a.phone, a.province, a.city, a.country, a.address_info, a.postcode,
                 l.id, l.goods_id, l.sku_id, l.quantity, l.title, l.sku_title, l.sku_values, l.price, l.origin_price, l.amount,
                 l.origin_amount, l.discount_amount
          FROM orders o
          LEFT JOIN order_addresses a ON a.order_id = o.id
          LEFT JOIN order_details l ON l.order_id = o.id";

    private const int FirstAddressColumn = 24;
    private const int FirstLineColumn = 31;

    /// <summary>Reads the rows of one query: each order's own columns once, at its first row, then a line from every row.</summary>
    internal sealed class RowReader
    {
        private OrderRow? _current;

        /// <summary>The order this row starts, or null when it carries one more line of the order before it.</summary>
        public OrderRow? Read(IQueryRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            OrderRow? started = null;
            if (_current is null || _current.Id.Value != row.GetInt64(0))
            {
                started = _current = HeaderAt(row);
            }

            if (!row.IsDBNull(FirstLineColumn))
            {
                _current.Lines.Add(LineAt(row));
            }

            return started;
        }
    }

    private static OrderRow HeaderAt(IQueryRow row) => new()
    {
        Id = new OrderId(row.GetInt64(0)),
        Number = row.GetString(1),
        BuyerId = row.GetInt64(2),
        Type = (OrderType)StorageFormats.OrderTypeNames.ConvertFromProvider(row.GetString(3))!,
        Status = (OrderStatus)row.GetInt32(4),
        Remark = row.GetString(5),
        SellerId = row.GetInt64(6),
        ShareUserId = row.GetInt64(7),
        ShareParentUserId = row.GetInt64(8),
        CouponId = NullableInt64(row, 9),
        CouponCodeId = NullableInt64(row, 10),
        AddressId = NullableInt64(row, 11),
        CustomFormUrl = row.IsDBNull(12) ? null : row.GetString(12),
        CreatedAt = DateTimeOffset.FromUnixTimeSeconds(row.GetInt64(13)),
        UpdatedAt = DateTimeOffset.FromUnixTimeSeconds(row.GetInt64(14)),
        PaymentDeadline = NullableInt64(row, 15) is { } deadline ? DateTimeOffset.FromUnixTimeSeconds(deadline) : null,
        PaidAt = NullableInt64(row, 16) is { } paid ? DateTimeOffset.FromUnixTimeSeconds(paid) : null,
        PaymentId = row.IsDBNull(17) ? null : row.GetString(17),
        OriginAmount = row.GetInt64(18),
        DiscountAmount = row.GetInt64(19),
        Amount = row.GetInt64(20),
        SellerAmount = row.GetInt64(21),
        ShareAmount = row.GetInt64(22),
        ShareParentAmount = row.GetInt64(23),
        ShippingAddress = row.IsDBNull(FirstAddressColumn) ? null : ShippingAddressAt(row),
    };

    private static long? NullableInt64(IQueryRow row, int column) => row.IsDBNull(column) ? null : row.GetInt64(column);

    private static Address ShippingAddressAt(IQueryRow row) => Address.Create(AddressColumns.PartsAt(row, FirstAddressColumn)).Value;

    private static OrderLineRow LineAt(IQueryRow row) => new()
    {
        Id = row.GetInt64(FirstLineColumn),
        GoodsId = row.GetInt64(FirstLineColumn + 1),
        SkuId = NullableInt64(row, FirstLineColumn + 2),
        Quantity = row.GetInt32(FirstLineColumn + 3),
        Title = row.GetString(FirstLineColumn + 4),
        SkuTitle = row.GetString(FirstLineColumn + 5),
        OptionValues = (IReadOnlyList<SkuOptionValue>)StorageFormats.OptionValuesJson.ConvertFromProvider(row.GetString(FirstLineColumn + 6))!,
        UnitPrice = row.GetInt64(FirstLineColumn + 7),
        OriginPrice = row.GetInt64(FirstLineColumn + 8),
        Amount = row.GetInt64(FirstLineColumn + 9),
        OriginAmount = row.GetInt64(FirstLineColumn + 10),
        DiscountAmount = row.GetInt64(FirstLineColumn + 11),
    };

    /// <summary>One order's columns as read.</summary>
    internal sealed class OrderRow
    {
        public OrderId Id { get; init; }

        public string Number { get; init; } = string.Empty;

        public long BuyerId { get; init; }

        public OrderType Type { get; init; }

        public OrderStatus Status { get; init; }

        public string Remark { get; init; } = string.Empty;

        public long SellerId { get; init; }

        public long ShareUserId { get; init; }

        public long ShareParentUserId { get; init; }

        public long? CouponId { get; init; }

        public long? CouponCodeId { get; init; }

        public long? AddressId { get; init; }

        public Address? ShippingAddress { get; init; }

        public string? CustomFormUrl { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public DateTimeOffset? PaymentDeadline { get; init; }

        public DateTimeOffset? PaidAt { get; init; }

        public string? PaymentId { get; init; }

        public List<OrderLineRow> Lines { get; init; } = [];

        public long OriginAmount { get; init; }

        public long DiscountAmount { get; init; }

        public long Amount { get; init; }

        public long SellerAmount { get; init; }

        public long ShareAmount { get; init; }

        public long ShareParentAmount { get; init; }

        /// <summary>The answer; the address copy and SKU values through the application's mapping, which owns their API names.</summary>
        public OrderDto ToDto(IMapper mapper) => new()
        {
            Id = Id.Value,
            OrderId = Number,
            PaymentId = PaymentId ?? string.Empty,
            UserId = BuyerId,
            AddressId = AddressId ?? 0,
            Remark = Remark,
            Type = OrderTypeNames.NameOf(Type),
            Status = (int)Status,
            OriginAmount = OriginAmount,
            Amount = Amount,
            DiscountAmount = DiscountAmount,
            PaidTime = PaidAt?.ToUnixTimeSeconds() ?? 0,
            EndTime = PaymentDeadline?.ToUnixTimeSeconds() ?? 0,
            SellerId = SellerId,
            SellerAmount = SellerAmount,
            ShareUserId = ShareUserId,
            ShareParentUserId = ShareParentUserId,
            ShareAmount = ShareAmount,
            ShareParentAmount = ShareParentAmount,
            CreatedTime = CreatedAt.ToUnixTimeSeconds(),
            UpdatedTime = UpdatedAt.ToUnixTimeSeconds(),
            CouponId = CouponId ?? 0,
            CouponCodeId = CouponCodeId ?? 0,
            OrderAddress = mapper.Map<OrderAddressDto?>(ShippingAddress),
            Details = Lines.ConvertAll(l => l.ToDto(mapper)),
            CustomFormUrl = CustomFormUrl,
        };
    }

    /// <summary>One line's columns as read.</summary>
    internal sealed class OrderLineRow
    {
        public long Id { get; init; }

        public long GoodsId { get; init; }

        public long? SkuId { get; init; }

        public int Quantity { get; init; }

        public string Title { get; init; } = string.Empty;

        public string SkuTitle { get; init; } = string.Empty;

        public IReadOnlyList<SkuOptionValue> OptionValues { get; init; } = [];

        public long UnitPrice { get; init; }

        public long OriginPrice { get; init; }

        public long Amount { get; init; }

        public long OriginAmount { get; init; }

        public long DiscountAmount { get; init; }

        public OrderLineDto ToDto(IMapper mapper) => new()
        {
            Id = Id,
            GoodsId = GoodsId,
            GoodsSkuId = SkuId ?? 0,
            Title = Title,
            SkuTitle = SkuTitle,
            SkuValues = mapper.Map<IReadOnlyList<SkuValueDto>>(OptionValues),
            Price = UnitPrice,
            OriginPrice = OriginPrice,
            Quantity = Quantity,
            Amount = Amount,
            OriginAmount = OriginAmount,
            DiscountAmount = DiscountAmount,
        };
    }
}
