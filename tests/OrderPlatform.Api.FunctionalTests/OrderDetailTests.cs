using System.Net;
using System.Text.Json;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R61 over HTTP: the buyer reads back exactly the order they placed, by number or by id; another
/// buyer's order cannot be told from a missing one; a malformed reference is invalid_order_id.
/// </summary>
public sealed class OrderDetailTests(OrderPlatformApiFactory factory) : IClassFixture<OrderPlatformApiFactory>
{
    private const string OrderWithSkusAndAddress = """
        {
          "details": [
            { "goods_id": 1, "quantity": 2, "goods_sku_id": 1 },
            { "goods_id": 2, "quantity": 1, "goods_sku_id": 3 }
          ],
          "address": {
            "name": "王先生", "phone": "13888888888", "province": "河南省", "city": "郑州市",
            "country": "中原区", "address_info": "中原西路233号", "postcode": "450000"
          },
          "remark": "多商品订单"
        }
        """;

    [Fact]
    public async Task R61_the_order_just_placed_reads_back_the_same_by_order_id_and_by_id_waiting_and_unpaid()
    {
        var placed = await factory.PlaceAsync(OrderWithSkusAndAddress);

        var byNumber = await factory.DetailAsync("order_id=" + OrderSession.NumberOf(placed));
        var byId = await factory.DetailAsync("id=" + OrderSession.IdOf(placed));

        Assert.Equal((0, string.Empty), (byNumber.Code, byNumber.Msg));
        var order = byNumber.Data;
        Assert.Equal(placed.Data.GetProperty("id").GetInt64(), order.GetProperty("id").GetInt64());
        Assert.Equal(OrderSession.NumberOf(placed), order.GetProperty("order_id").GetString());
        Assert.Equal(1000, order.GetProperty("user_id").GetInt64());
        Assert.Equal((4900 * 2) + 12900, order.GetProperty("origin_amount").GetInt64());
        Assert.Equal((4900 * 2) + 12900, order.GetProperty("amount").GetInt64());
        Assert.Equal(placed.Data.GetProperty("seller_amount").GetInt64(), order.GetProperty("seller_amount").GetInt64());
        Assert.Equal(0, order.GetProperty("status").GetInt32());
        Assert.Equal(0, order.GetProperty("paid_time").GetInt64());
        Assert.Equal(string.Empty, order.GetProperty("payment_id").GetString());
        Assert.Equal("多商品订单", order.GetProperty("remark").GetString());
        Assert.Equal("中原西路233号", order.GetProperty("order_address").GetProperty("address_info").GetString());
        var lines = order.GetProperty("details").EnumerateArray().ToList();
        Assert.Equal([1L, 3L], lines.Select(l => l.GetProperty("goods_sku_id").GetInt64()));
        Assert.Equal([2L, 1L], lines.Select(l => l.GetProperty("quantity").GetInt64()));
        Assert.Equal("Fiber: Denim, Size: Small", lines[1].GetProperty("sku_title").GetString());

        // Everything the create answer said, the detail says too, member for member.
        Assert.Equal(placed.Data.GetRawText(), order.GetRawText());
        Assert.Equal(order.GetRawText(), byId.Data.GetRawText());
    }

    [Fact]
    public async Task R61_when_both_parameters_are_given_order_id_decides()
    {
        var placed = await factory.PlaceAsync("""{"goods_id":188}""");
        var number = OrderSession.NumberOf(placed);
        var id = OrderSession.IdOf(placed);

        var numberWins = await factory.DetailAsync($"id=abc&order_id={number}");
        var malformedNumber = await factory.DetailAsync($"order_id=abc&id={id}");
        var unknownNumber = await factory.DetailAsync($"order_id=99999999999999999999&id={id}");

        Assert.Equal(id, numberWins.Data.GetProperty("id").GetInt64());
        Assert.Equal((-1, "invalid_order_id", "order_id"), (malformedNumber.Code, malformedNumber.Error, malformedNumber.Field));
        Assert.Equal((-1, "order_not_found", "order_id"), (unknownNumber.Code, unknownNumber.Error, unknownNumber.Field));
    }

    [Fact]
    public async Task R61_another_buyers_order_and_an_unknown_one_get_the_very_same_order_not_found()
    {
        var othersOrder = await factory.PlaceAsync("""{"goods_id":188}""", userId: 2001);

        var othersByNumber = await factory.DetailAsync("order_id=" + OrderSession.NumberOf(othersOrder));
        var unknownNumber = await factory.DetailAsync("order_id=209901010000009999");
        var othersById = await factory.DetailAsync("id=" + OrderSession.IdOf(othersOrder));
        var unknownId = await factory.DetailAsync("id=987654321");

        Assert.Equal((-1, "order_not_found", "order_id"), (othersByNumber.Code, othersByNumber.Error, othersByNumber.Field));
        Assert.Equal(unknownNumber.Root.GetRawText(), othersByNumber.Root.GetRawText());
        Assert.Equal((-1, "order_not_found", "id"), (othersById.Code, othersById.Error, othersById.Field));
        Assert.Equal(unknownId.Root.GetRawText(), othersById.Root.GetRawText());
        Assert.Equal(0, (await factory.DetailAsync(othersOrder, userId: 2001)).Code);
    }

    [Theory]
    [InlineData("", "order_id")]
    [InlineData("order_id=", "order_id")]
    [InlineData("order_id=abc", "order_id")]
    [InlineData("order_id=2024010112000012a", "order_id")]
    [InlineData("order_id=-5", "order_id")]
    [InlineData("order_id=+5", "order_id")]
    [InlineData("order_id=%EF%BC%95", "order_id")]
    [InlineData("order_id=123456789012345678901234567890123", "order_id")]
    [InlineData("id=0", "id")]
    [InlineData("id=-3", "id")]
    [InlineData("id=x", "id")]
    [InlineData("id=", "id")]
    [InlineData("id=1.5", "id")]
    public async Task R61_no_reference_or_a_malformed_one_is_invalid_order_id_naming_the_parameter(string query, string field)
    {
        var envelope = await factory.DetailAsync(query);

        Assert.Equal(-1, envelope.Code);
        Assert.Equal("invalid_order_id", envelope.Error);
        Assert.Equal(field, envelope.Field);
        Assert.Equal("The order number is not valid", envelope.Msg);
    }

    [Fact]
    public async Task R61_R9_an_anonymous_caller_is_1001_even_for_a_malformed_reference()
    {
        var placed = await factory.PlaceAsync("""{"goods_id":188}""");

        var anonymous = await factory.DetailAsync(placed, userId: null);
        var anonymousMalformed = await factory.DetailAsync("order_id=abc", userId: null);

        Assert.Equal((1001, "not_logged_in"), (anonymous.Code, anonymous.Error));
        Assert.Equal(JsonValueKind.Null, anonymous.Data.GetProperty("field").ValueKind);
        Assert.Equal((1001, "not_logged_in"), (anonymousMalformed.Code, anonymousMalformed.Error));
    }

    [Fact]
    public async Task R61_R10_a_disabled_user_is_1002()
    {
        var envelope = await factory.DetailAsync("id=1", userId: 1001);

        Assert.Equal((1002, "not_authorized"), (envelope.Code, envelope.Error));
    }

    [Fact]
    public async Task R61_R11_reading_an_order_with_a_token_near_expiry_gets_a_fresh_token_that_works()
    {
        var placed = await factory.PlaceAsync("""{"goods_id":188}""");
        var path = "/api/order/detail?order_id=" + OrderSession.NumberOf(placed);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("token", factory.TokenFor(1000, TimeSpan.FromMinutes(20)));

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await Envelope.ReadAsync(response)).Code);
        Assert.True(response.Headers.TryGetValues("update-token", out var values));
        using var renewed = factory.CreateClient();
        renewed.DefaultRequestHeaders.Add("token", values.Single());
        using var again = await renewed.GetAsync(path);
        Assert.Equal(0, (await Envelope.ReadAsync(again)).Code);
        Assert.False(again.Headers.Contains("update-token"));
    }
}
