using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Benchmarks.Scenarios;

/// <summary>
/// The two create-order requests that bench/run.sh sends (bench/wrk/create-order.lua): the seed's
/// single-product order, and the API document's second example (two SKU lines, an address already
/// in the buyer's book, a coupon code). Each as the JSON body the client sends and as the command
/// the Api makes of it.
/// </summary>
internal static class SeedOrders
{
    public const string SingleProductJson = """{"goods_id":188,"quantity":1,"type":"goods","remark":"普通商品订单"}""";

    /// <summary>The seed's "20 off any order" code; the persistence benchmarks use single-purpose codes of the same coupon instead.</summary>
    public const string SeedCouponCode = DemoData.FixedCouponCode;

    public static CreateOrderAddress ShipTo { get; } = new()
    {
        Name = "王先生",
        Phone = "13888888888",
        Province = "河南省",
        City = "郑州市",
        Country = "中原区",
        AddressInfo = "中原西路233号",
        Postcode = "450000",
    };

    public static CreateOrderCommand SingleProduct { get; } = new()
    {
        GoodsId = DemoData.SingleProductId,
        Quantity = 1,
        Type = "goods",
        Remark = "普通商品订单",
    };

    public static string SecondExampleJson(string couponCode) =>
        $$"""{"details":[{"goods_id":1,"quantity":2,"goods_sku_id":1},{"goods_id":2,"quantity":1,"goods_sku_id":3}],"type":"goods","address":{"name":"王先生","phone":"13888888888","province":"河南省","city":"郑州市","country":"中原区","address_info":"中原西路233号","postcode":"450000"},"remark":"多商品订单","coupon_code":"{{couponCode}}"}""";

    public static CreateOrderCommand SecondExample(string couponCode) => new()
    {
        Details =
        [
            new CreateOrderDetail { GoodsId = DemoData.ShirtProductId, GoodsSkuId = DemoData.SmallShirtSkuId, Quantity = 2 },
            new CreateOrderDetail { GoodsId = DemoData.JacketProductId, GoodsSkuId = DemoData.SmallDenimJacketSkuId, Quantity = 1 },
        ],
        Type = "goods",
        Address = ShipTo,
        Remark = "多商品订单",
        CouponCode = couponCode,
    };
}
