using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Benchmarks.Scenarios;

/// <summary>
/// The seed's single-product order as the handler's decide step builds it with the default
/// settings (src/Api/appsettings.json): one licence at 9900 CNY, no referral, no address, no coupon.
/// </summary>
internal static class SingleProductOrder
{
    private static readonly Currency Yuan = Currency.Of("CNY");
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly OrderLineDraft Licence = new()
    {
        GoodsId = DemoData.SingleProductId,
        SellerId = DemoData.SellerId,
        Snapshot = LineSnapshot.Of("AnQiCMS Pro licence", []),
        OriginPrice = Money.Of(9900, Yuan),
        UnitPrice = Money.Of(9900, Yuan),
        Quantity = 1,
    };

    public static Order Place(long buyerId, DateTimeOffset placedAt)
    {
        var placement = new OrderPlacement
        {
            BuyerId = buyerId,
            Type = OrderType.Goods,
            Remark = "普通商品订单",
            TimeZone = Shanghai,
            PaymentWindow = TimeSpan.FromMinutes(30),
            Currency = Yuan,
            MaxLines = 100,
            MaxQuantityPerLine = 9999,
            Earnings = EarningsPolicy.SellerOnly(80),
        };
        return Order.Place(placement, [Licence], placedAt).Value;
    }
}
