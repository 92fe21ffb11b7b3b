using OrderPlatform.Application.Orders;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Configurations;

namespace OrderPlatform.Infrastructure.Persistence.Queries;

/// <summary>
/// The columns the order answer (R51, R61) needs, selected in SQL, and how they become the answer:
/// one row per line (or one for an order without lines), the order's columns and its address copy
/// repeated on each. The seller and promoter percentages and the currency stay in the database.
/// The rows are read straight into the answer's shape, with no domain object or mapping between:
/// the stored values were checked when the order was placed, and the answer is all a read needs.
/// The API's names for them are the Application's (OrderMappingProfile maps a placed order the
/// same way); the tests compare a read order with the order as placed.
/// </summary>
internal static class OrderProjection
{
    /// <summary>
    /// The select list and joins; the caller adds WHERE and ORDER BY (by order, then by line id).
    /// What the API shows as 0 or "" when there is none (no coupon, no deadline, not paid, no SKU) is
    /// made so here, so that every value but the custom form's address is read as it comes.
    /// </summary>
    public const string Columns =
        @"SELECT o.id, o.order_id, o.user_id, o.type, o.status, o.remark, o.seller_id, o.share_user_id, o.share_parent_user_id,
                 COALESCE(o.coupon_id, 0), COALESCE(o.coupon_code_id, 0), COALESCE(o.address_id, 0), o.custom_form_url,
                 o.created_time, o.updated_time, COALESCE(o.end_time, 0), COALESCE(o.paid_time, 0), COALESCE(o.payment_id, ''),
                 o.origin_amount, o.discount_amount, o.amount, o.seller_amount, o.share_amount, o.share_parent_amount,
                 a.name, a.phone, a.province, a.city, a.country, a.address_info, a.postcode,
                 l.id, l.goods_id, COALESCE(l.sku_id, 0), l.quantity, l.title, l.sku_title, l.sku_values, l.price, l.origin_price,
                 l.amount, l.origin_amount, l.discount_amount
          FROM orders o
          LEFT JOIN order_addresses a ON a.order_id = o.id
          LEFT JOIN order_details l ON l.order_id = o.id";

    private const int FirstAddressColumn = 24;
    private const int FirstLineColumn = 31;

    /// <summary>Reads the rows of one query: each order's own columns once, at its first row, then a line from every row.</summary>
    internal sealed class RowReader
    {
        private long _currentId;
        private List<OrderLineDto>? _currentLines;

        /// <summary>The order this row starts, or null when it carries one more line of the order before it.</summary>
        public OrderDto? Read(IQueryRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            OrderDto? started = null;
            var id = row.GetInt64(0);
            if (_currentLines is null || _currentId != id)
            {
                _currentId = id;
                _currentLines = [];
                started = OrderAt(row, id, _currentLines);
            }

            if (!row.IsDBNull(FirstLineColumn))
            {
                _currentLines.Add(LineAt(row));
            }

            return started;
        }
    }

    /// <summary>The order's own columns; <paramref name="lines"/> fills as its rows are read.</summary>
    private static OrderDto OrderAt(IQueryRow row, long id, List<OrderLineDto> lines) => new()
    {
        Id = id,
        OrderId = row.GetString(1),
        UserId = row.GetInt64(2),
        Type = OrderTypeNames.NameOf((OrderType)StorageFormats.OrderTypeNames.ConvertFromProvider(row.GetString(3))!),
        Status = row.GetInt32(4),
        Remark = row.GetString(5),
        SellerId = row.GetInt64(6),
        ShareUserId = row.GetInt64(7),
        ShareParentUserId = row.GetInt64(8),
        CouponId = row.GetInt64(9),
        CouponCodeId = row.GetInt64(10),
        AddressId = row.GetInt64(11),
        CustomFormUrl = row.IsDBNull(12) ? null : row.GetString(12),
        CreatedTime = row.GetInt64(13),
        UpdatedTime = row.GetInt64(14),
        EndTime = row.GetInt64(15),
        PaidTime = row.GetInt64(16),
        PaymentId = row.GetString(17),
        OriginAmount = row.GetInt64(18),
        DiscountAmount = row.GetInt64(19),
        Amount = row.GetInt64(20),
        SellerAmount = row.GetInt64(21),
        ShareAmount = row.GetInt64(22),
        ShareParentAmount = row.GetInt64(23),
        OrderAddress = row.IsDBNull(FirstAddressColumn) ? null : AddressColumns.AnswerAt(row, FirstAddressColumn),
        Details = lines,
    };

    private static OrderLineDto LineAt(IQueryRow row) => new()
    {
        Id = row.GetInt64(FirstLineColumn),
        GoodsId = row.GetInt64(FirstLineColumn + 1),
        GoodsSkuId = row.GetInt64(FirstLineColumn + 2),
        Quantity = row.GetInt32(FirstLineColumn + 3),
        Title = row.GetString(FirstLineColumn + 4),
        SkuTitle = row.GetString(FirstLineColumn + 5),
        SkuValues = StorageFormats.SkuValuesOf(row.GetString(FirstLineColumn + 6)),
        Price = row.GetInt64(FirstLineColumn + 7),
        OriginPrice = row.GetInt64(FirstLineColumn + 8),
        Amount = row.GetInt64(FirstLineColumn + 9),
        OriginAmount = row.GetInt64(FirstLineColumn + 10),
        DiscountAmount = row.GetInt64(FirstLineColumn + 11),
    };
}
