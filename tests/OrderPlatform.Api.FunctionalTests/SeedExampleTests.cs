using System.Globalization;
using System.Net;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>The API document's examples, sent verbatim to a freshly seeded service.</summary>
public sealed class SeedExampleTests(OrderPlatformApiFactory factory) : IClassFixture<OrderPlatformApiFactory>
{
    private const string SingleProductExample = """
        {
          "goods_id": 188,
          "quantity": 1,
          "type": "goods",
          "remark": "普通商品订单"
        }
        """;

    private const string MultipleProductsExample = """
        {
          "details": [
            {
              "goods_id": 1,
              "quantity": 2,
              "goods_sku_id": 1,
              "sku_values": [
                { "id": 156, "archive_id": 32, "option_id": 33, "title": "Small", "option_title": "Size" }
              ]
            },
            {
              "goods_id": 2,
              "quantity": 1,
              "goods_sku_id": 3,
              "sku_values": [
                { "id": 153, "archive_id": 32, "option_id": 32, "title": "Denim", "option_title": "Fiber" },
                { "id": 156, "archive_id": 32, "option_id": 33, "title": "Small", "option_title": "Size" }
              ]
            }
          ],
          "type": "goods",
          "address": {
            "name": "王先生",
            "phone": "13888888888",
            "province": "河南省",
            "city": "郑州市",
            "country": "中原区",
            "address_info": "中原西路233号",
            "postcode": "450000"
          },
          "remark": "多商品订单",
          "coupon_code": "COUPON2023"
        }
        """;

    private static readonly string[] R51Fields =
    [
        "id", "order_id", "payment_id", "user_id", "address_id", "remark", "type", "status", "refund_status", "origin_amount",
        "amount", "discount_amount", "paid_time", "end_time", "deliver_time", "finished_time", "seller_id", "seller_amount",
        "share_user_id", "share_parent_user_id", "share_amount", "share_parent_amount", "express_company", "tracking_number",
        "created_time", "updated_time", "coupon_id", "coupon_code_id", "order_address", "details",
    ];

    [Fact]
    public async Task R51_R52_R53_the_single_product_example_succeeds_with_the_documented_amounts()
    {
        using var client = factory.ClientFor(1000);

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(SingleProductExample));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, envelope.Code);
        Assert.Equal(string.Empty, envelope.Msg);
        var order = envelope.Data;
        Assert.All(R51Fields, field => Assert.True(order.TryGetProperty(field, out _), $"data.{field} is missing"));
        Assert.False(order.TryGetProperty("custom_form_url", out _));
        Assert.Equal(9900, order.GetProperty("origin_amount").GetInt64());
        Assert.Equal(9900, order.GetProperty("amount").GetInt64());
        Assert.Equal(0, order.GetProperty("discount_amount").GetInt64());
        Assert.Equal(15, order.GetProperty("seller_id").GetInt64());
        Assert.Equal(7920, order.GetProperty("seller_amount").GetInt64());
        Assert.Equal(1000, order.GetProperty("user_id").GetInt64());
        Assert.Equal("普通商品订单", order.GetProperty("remark").GetString());
        Assert.Equal("goods", order.GetProperty("type").GetString());
        Assert.Equal(0, order.GetProperty("status").GetInt32());
        Assert.Equal(string.Empty, order.GetProperty("payment_id").GetString());
        Assert.Equal(JsonValueKindNull, order.GetProperty("order_address").ValueKind);

        var id = order.GetProperty("id").GetInt64();
        var created = order.GetProperty("created_time").GetInt64();
        var shanghai = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(created), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var expectedNumber = shanghai.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + (id % 10000).ToString("D4", CultureInfo.InvariantCulture);
        Assert.Equal(expectedNumber, order.GetProperty("order_id").GetString());
        Assert.Equal(created + (30 * 60), order.GetProperty("end_time").GetInt64());
        var line = Assert.Single(order.GetProperty("details").EnumerateArray());
        Assert.Equal(188, line.GetProperty("goods_id").GetInt64());
        Assert.Equal(9900, line.GetProperty("price").GetInt64());
        Assert.True(line.GetProperty("id").GetInt64() > 0);
    }

    [Fact]
    public async Task R25_R31_R39_the_multiple_products_example_succeeds_with_coupon_sku_snapshots_and_the_address_copy()
    {
        using var client = factory.ClientFor(1000);

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(MultipleProductsExample));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(0, envelope.Code);
        var order = envelope.Data;
        Assert.Equal((4900 * 2) + 12900, order.GetProperty("origin_amount").GetInt64());
        Assert.Equal(2000, order.GetProperty("discount_amount").GetInt64());
        Assert.Equal(
            order.GetProperty("origin_amount").GetInt64() - order.GetProperty("discount_amount").GetInt64(),
            order.GetProperty("amount").GetInt64());
        Assert.Equal(1, order.GetProperty("coupon_id").GetInt64());
        Assert.Equal(1, order.GetProperty("coupon_code_id").GetInt64());
        Assert.Equal(20700 * 80 / 100, order.GetProperty("seller_amount").GetInt64());
        Assert.Equal("多商品订单", order.GetProperty("remark").GetString());
        Assert.True(order.GetProperty("address_id").GetInt64() > 0);
        var address = order.GetProperty("order_address");
        Assert.Equal("王先生", address.GetProperty("name").GetString());
        Assert.Equal("中原区", address.GetProperty("country").GetString());
        Assert.Equal("中原西路233号", address.GetProperty("address_info").GetString());
        var lines = order.GetProperty("details").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("Size: Small", lines[0].GetProperty("sku_title").GetString());
        Assert.Equal(1, lines[0].GetProperty("goods_sku_id").GetInt64());
        Assert.Equal(9800, lines[0].GetProperty("amount").GetInt64());
        Assert.Equal("Fiber: Denim, Size: Small", lines[1].GetProperty("sku_title").GetString());
        Assert.Equal(3, lines[1].GetProperty("goods_sku_id").GetInt64());
        Assert.Equal(2, lines[1].GetProperty("sku_values").GetArrayLength());
        Assert.Equal(863, lines[0].GetProperty("discount_amount").GetInt64());
        Assert.Equal(1137, lines[1].GetProperty("discount_amount").GetInt64());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
