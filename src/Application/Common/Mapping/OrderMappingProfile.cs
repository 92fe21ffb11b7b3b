using AutoMapper;
using OrderPlatform.Application.Orders;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Common.Mapping;

/// <summary>
/// Maps the order aggregate to the API's order shape. Only server-built objects are mapped
/// (see docs/decisions/0002-automapper-14.md).
/// </summary>
internal sealed class OrderMappingProfile : Profile
{
    public OrderMappingProfile()
    {
        CreateMap<Money, long>().ConvertUsing(money => money.MinorUnits);

        CreateMap<Order, OrderDto>()
            .ForMember(d => d.Id, o => o.MapFrom(s => s.Id.Value))
            .ForMember(d => d.OrderId, o => o.MapFrom(s => s.Number))
            .ForMember(d => d.UserId, o => o.MapFrom(s => s.BuyerId))
            .ForMember(d => d.AddressId, o => o.MapFrom(s => s.AddressId ?? 0))
            .ForMember(d => d.Type, o => o.MapFrom(s => OrderTypeNames.NameOf(s.Type)))
            .ForMember(d => d.Status, o => o.MapFrom(s => (int)s.Status))
            .ForMember(d => d.RefundStatus, o => o.Ignore())
            .ForMember(d => d.PaymentId, o => o.MapFrom(s => s.PaymentId ?? string.Empty))
            .ForMember(d => d.PaidTime, o => o.MapFrom(s => s.PaidAt.HasValue ? s.PaidAt.Value.ToUnixTimeSeconds() : 0))
            .ForMember(d => d.DeliverTime, o => o.Ignore())
            .ForMember(d => d.FinishedTime, o => o.Ignore())
            .ForMember(d => d.ExpressCompany, o => o.Ignore())
            .ForMember(d => d.TrackingNumber, o => o.Ignore())
            .ForMember(d => d.EndTime, o => o.MapFrom(s => s.PaymentDeadline.HasValue ? s.PaymentDeadline.Value.ToUnixTimeSeconds() : 0))
            .ForMember(d => d.CreatedTime, o => o.MapFrom(s => s.CreatedAt.ToUnixTimeSeconds()))
            .ForMember(d => d.UpdatedTime, o => o.MapFrom(s => s.UpdatedAt.ToUnixTimeSeconds()))
            .ForMember(d => d.CouponId, o => o.MapFrom(s => s.CouponId ?? 0))
            .ForMember(d => d.CouponCodeId, o => o.MapFrom(s => s.CouponCodeId ?? 0))
            .ForMember(d => d.OrderAddress, o => o.MapFrom(s => s.ShippingAddress))
            .ForMember(d => d.Details, o => o.MapFrom(s => s.Lines));

        CreateMap<OrderLine, OrderLineDto>()
            .ForMember(d => d.GoodsSkuId, o => o.MapFrom(s => s.SkuId ?? 0))
            .ForMember(d => d.Title, o => o.MapFrom(s => s.Snapshot.ProductTitle))
            .ForMember(d => d.SkuTitle, o => o.MapFrom(s => s.Snapshot.SkuTitle))
            .ForMember(d => d.SkuValues, o => o.MapFrom(s => s.Snapshot.OptionValues))
            .ForMember(d => d.Price, o => o.MapFrom(s => s.UnitPrice));

        CreateMap<SkuOptionValue, SkuValueDto>();

        CreateMap<Address, OrderAddressDto>()
            .ForMember(d => d.Country, o => o.MapFrom(s => s.District))
            .ForMember(d => d.AddressInfo, o => o.MapFrom(s => s.Detail));
    }
}
