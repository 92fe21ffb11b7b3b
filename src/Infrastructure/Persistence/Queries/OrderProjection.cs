using System.Linq.Expressions;
using AutoMapper;
using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Orders;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.Persistence.Queries;

/// <summary>
/// The columns the order answer (R51, R61) needs, selected in SQL, and how they become the answer.
/// The seller and promoter percentages and the currency stay in the database.
/// </summary>
internal static class OrderProjection
{
    public static readonly Expression<Func<Order, OrderRow>> Header = o => new OrderRow
    {
        Id = o.Id,
        Number = o.Number,
        BuyerId = o.BuyerId,
        Type = o.Type,
        Status = o.Status,
        Remark = o.Remark,
        SellerId = o.SellerId,
        ShareUserId = o.ShareUserId,
        ShareParentUserId = o.ShareParentUserId,
        CouponId = o.CouponId,
        CouponCodeId = o.CouponCodeId,
        AddressId = o.AddressId,
        ShippingAddress = o.ShippingAddress,
        CustomFormUrl = o.CustomFormUrl,
        CreatedAt = o.CreatedAt,
        UpdatedAt = o.UpdatedAt,
        PaymentDeadline = o.PaymentDeadline,
        PaidAt = o.PaidAt,
        PaymentId = o.PaymentId,
        Lines = o.Lines.OrderBy(l => l.Id).Select(l => new OrderLineRow
        {
            Id = l.Id,
            GoodsId = l.GoodsId,
            SkuId = l.SkuId,
            Quantity = l.Quantity,
            Title = EF.Property<string>(l, "_productTitle"),
            SkuTitle = EF.Property<string>(l, "_skuTitle"),
            OptionValues = EF.Property<IReadOnlyList<SkuOptionValue>>(l, "_optionValues"),
            UnitPrice = EF.Property<long>(l, "_unitPrice"),
            OriginPrice = EF.Property<long>(l, "_originPrice"),
            Amount = EF.Property<long>(l, "_amount"),
            OriginAmount = EF.Property<long>(l, "_originAmount"),
            DiscountAmount = EF.Property<long>(l, "_discountAmount"),
        }).ToList(),
        OriginAmount = EF.Property<long>(o, "_originAmount"),
        DiscountAmount = EF.Property<long>(o, "_discountAmount"),
        Amount = EF.Property<long>(o, "_amount"),
        SellerAmount = EF.Property<long>(o, "_sellerAmount"),
        ShareAmount = EF.Property<long>(o, "_shareAmount"),
        ShareParentAmount = EF.Property<long>(o, "_shareParentAmount"),
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
