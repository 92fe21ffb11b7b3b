using System.Text.Json.Nodes;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Localization;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Api.OpenApi;

/// <summary>
/// The document's example bodies. Every envelope is written by <see cref="EnvelopeResults"/> itself,
/// the one place that answers every endpoint, so an example's code, msg, data and HTTP status are
/// what the service sends, and cannot drift from it.
/// </summary>
internal sealed class ApiExamples(IServiceProvider services)
{
    /// <summary>The API document's first example (R51-R53): one product without SKUs, order 46 of user 1000.</summary>
    public const string SingleProductRequest = """
        {
          "goods_id": 188,
          "quantity": 1,
          "type": "goods",
          "remark": "普通商品订单"
        }
        """;

    /// <summary>The API document's second example: two SKUs, a new address and the public coupon COUPON2023.</summary>
    public const string MultipleProductsRequest = """
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

    private const long PlacedAt = 1669212548;
    private const long PaidAt = PlacedAt + 300;

    /// <summary>The API document's response example, with the members R51 adds (its payment deadline, line and coupon ids).</summary>
    public static OrderDto PlacedOrder { get; } = new()
    {
        Id = 46,
        OrderId = "202211232209080046",
        UserId = 1000,
        Remark = "普通商品订单",
        Type = OrderTypeNames.Goods,
        Status = (int)OrderStatus.PendingPayment,
        OriginAmount = 9900,
        Amount = 9900,
        EndTime = PlacedAt + (30 * 60),
        SellerId = 15,
        SellerAmount = 7920,
        CreatedTime = PlacedAt,
        UpdatedTime = PlacedAt,
        Details =
        [
            new OrderLineDto
            {
                Id = 61,
                GoodsId = 188,
                Title = "AnQiCMS Pro licence",
                Price = 9900,
                OriginPrice = 9900,
                Quantity = 1,
                Amount = 9900,
                OriginAmount = 9900,
            },
        ],
    };

    public static OrderDto PaidOrder { get; } = PlacedOrder with { Status = (int)OrderStatus.Paid, PaymentId = "pay-001", PaidTime = PaidAt, UpdatedTime = PaidAt };

    public static OrderDto CancelledOrder { get; } = PlacedOrder with { Status = (int)OrderStatus.Cancelled, UpdatedTime = PaidAt };

    public Task<Answer> SuccessAsync(OrderDto order) => WriteAsync(EnvelopeResults.Success(order));

    public Task<Answer> PageAsync(params OrderDto[] orders) =>
        WriteAsync(EnvelopeResults.FromPage(Result<OrderPage>.Of(new OrderPage(orders, orders.Length)), RequestLanguage.English));

    public Task<Answer> RefusalAsync(Error error) => WriteAsync(EnvelopeResults.Failure(error, RequestLanguage.English));

    private async Task<Answer> WriteAsync(IResult result)
    {
        using var body = new MemoryStream();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        var json = JsonNode.Parse(body.ToArray()) ?? throw new InvalidOperationException("The envelope wrote no body.");
        if (json["data"] is JsonObject { } data && data.ContainsKey("error"))
        {
            json["data"] = InStableOrder(data);
        }

        return new Answer(http.Response.StatusCode, json);
    }

    /// <summary>
    /// A refusal's extra members come out in the order of a hash table, which changes from process to
    /// process; the committed document must not, so they are listed by name after error and field.
    /// </summary>
    private static JsonObject InStableOrder(JsonObject data) =>
        new(data
            .OrderBy(member => member.Key switch { "error" => 0, "field" => 1, _ => 2 })
            .ThenBy(member => member.Key, StringComparer.Ordinal)
            .Select(member => KeyValuePair.Create(member.Key, member.Value?.DeepClone())));

    /// <summary>An answer as the service writes it.</summary>
    public sealed record Answer(int Status, JsonNode Body)
    {
        public int Code => Body["code"]!.GetValue<int>();
    }
}
