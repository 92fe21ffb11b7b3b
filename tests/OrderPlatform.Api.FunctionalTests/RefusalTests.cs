namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// Each way a request can be refused, as a client sees it: code -1, the section 13 error, the
/// field at fault, and nothing written (orders, lines, addresses and stock unchanged).
/// </summary>
public sealed class RefusalTests(OrderPlatformApiFactory factory) : IClassFixture<OrderPlatformApiFactory>
{
    public static TheoryData<string, string, string?> Refusals => new()
    {
        { "R14 nothing chosen", """{"type":"goods"}""", null },
        { "R15 negative quantity", """{"goods_id":188,"quantity":-1}""", "quantity" },
        { "R15 quantity over the limit", """{"details":[{"goods_id":188,"quantity":1},{"goods_id":188,"quantity":10000}]}""", "details[1].quantity" },
        { "R15 merged lines over the limit", """{"details":[{"goods_id":188,"quantity":9999},{"goods_id":188,"quantity":1}]}""", null },
        { "R17 unknown type", """{"goods_id":188,"type":"service"}""", "type" },
        { "R18 remark of 251 characters", "{\"goods_id\":188,\"remark\":\"" + new string('单', 251) + "\"}", "remark" },
        { "R19 stale price", """{"details":[{"goods_id":188,"quantity":2,"price":9000}]}""", "details[0].price" },
        { "R19 stale total", """{"details":[{"goods_id":188,"quantity":2,"price":9900,"total_price":9900}]}""", "details[0].total_price" },
        { "R21 unknown goods", """{"details":[{"goods_id":188},{"goods_id":999999}]}""", "details[1].goods_id" },
        { "R21 a null details entry", """{"details":[{"goods_id":188},null]}""", "details[1].goods_id" },
        { "R21 unpublished goods", """{"goods_id":190}""", "goods_id" },
        { "R22 sku required", """{"goods_id":1}""", "goods_sku_id" },
        { "R22 sku of another product", """{"goods_id":1,"goods_sku_id":3}""", "goods_sku_id" },
        { "R22 a null sku value", """{"details":[{"goods_id":2,"sku_values":[null,{"id":153}]}]}""", "details[0].sku_values" },
        { "R22 values matching no sku", """{"details":[{"goods_id":2,"sku_values":[{"id":153}]}]}""", "details[0].sku_values" },
        { "R23 sku on a product without skus", """{"goods_id":188,"goods_sku_id":7}""", "goods_sku_id" },
        { "R26 not enough stock", """{"details":[{"goods_id":188,"quantity":1},{"goods_id":192,"quantity":2}]}""", "details[1].quantity" },
        { "R29 someone else's address", """{"goods_id":188,"address":{"id":999}}""", "address.id" },
        { "R30 bad phone", """{"goods_id":188,"address":{"name":"A","phone":"call me","province":"P","city":"C","country":"D","address_info":"1 Road","postcode":"450000"}}""", "address.phone" },
        { "R30 missing postcode", """{"goods_id":188,"address":{"name":"A","phone":"123456","province":"P","city":"C","country":"D","address_info":"1 Road"}}""", "address.postcode" },
        { "R44 vip with two items", """{"type":"vip","details":[{"goods_id":3},{"goods_id":3}]}""", "type" },
        { "R44 vip group without a price", """{"type":"vip","goods_id":1}""", "goods_id" },
        { "R46 two sellers", """{"details":[{"goods_id":188},{"goods_id":191}]}""", null },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task R2_R3_a_refused_order_gets_its_error_and_field_with_http_200_and_writes_nothing(string rule, string body, string? field)
    {
        var expected = ExpectedError(rule);
        var before = await DatabaseState.ReadAsync(factory.Services);
        using var client = factory.ClientFor(1000);

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(body));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(-1, envelope.Code);
        Assert.Equal(expected, envelope.Error);
        Assert.Equal(field, envelope.Field);
        Assert.False(string.IsNullOrWhiteSpace(envelope.Msg));
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
    }

    [Fact]
    public async Task R19_price_changed_tells_the_current_price()
    {
        using var client = factory.ClientFor(1000);

        using var response = await client.PostAsync(
            "/api/order/create", OrderPlatformApiFactory.Json("""{"details":[{"goods_id":1,"goods_sku_id":1,"price":100}]}"""));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal("price_changed", envelope.Error);
        Assert.Equal(1, envelope.Data.GetProperty("goods_id").GetInt64());
        Assert.Equal(1, envelope.Data.GetProperty("sku_id").GetInt64());
        Assert.Equal(4900, envelope.Data.GetProperty("price").GetInt64());
    }

    [Fact]
    public async Task R26_insufficient_stock_names_the_goods_and_sku()
    {
        using var client = factory.ClientFor(1000);

        using var response = await client.PostAsync(
            "/api/order/create", OrderPlatformApiFactory.Json("""{"details":[{"goods_id":2,"goods_sku_id":3,"quantity":51}]}"""));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal("insufficient_stock", envelope.Error);
        Assert.Equal(2, envelope.Data.GetProperty("goods_id").GetInt64());
        Assert.Equal(3, envelope.Data.GetProperty("sku_id").GetInt64());
    }

    private static string ExpectedError(string rule) => rule switch
    {
        _ when rule.StartsWith("R14", StringComparison.Ordinal) => "no_items",
        _ when rule.StartsWith("R15", StringComparison.Ordinal) => "invalid_quantity",
        _ when rule.StartsWith("R17", StringComparison.Ordinal) => "invalid_type",
        _ when rule.StartsWith("R18", StringComparison.Ordinal) => "remark_too_long",
        _ when rule.StartsWith("R19", StringComparison.Ordinal) => "price_changed",
        _ when rule.StartsWith("R21", StringComparison.Ordinal) => "goods_not_found",
        _ when rule.StartsWith("R22 sku required", StringComparison.Ordinal) => "sku_required",
        _ when rule.StartsWith("R22", StringComparison.Ordinal) || rule.StartsWith("R23", StringComparison.Ordinal) => "sku_not_found",
        _ when rule.StartsWith("R26", StringComparison.Ordinal) => "insufficient_stock",
        _ when rule.StartsWith("R29", StringComparison.Ordinal) => "address_not_found",
        _ when rule.StartsWith("R30", StringComparison.Ordinal) => "invalid_address",
        _ when rule.StartsWith("R44 vip with", StringComparison.Ordinal) => "invalid_type",
        _ when rule.StartsWith("R44", StringComparison.Ordinal) => "vip_group_not_found",
        _ when rule.StartsWith("R46", StringComparison.Ordinal) => "cross_store",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "No expected error for this case."),
    };
}
