using System.Net;
using System.Text.Json;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R5: members a request type does not know are ignored, as AnQiCMS ignores them; but when the request
/// is refused anyway, data.unknown_members lists each with its JSON path and the known member at its
/// level it is closest to, since a misspelling is a likely cause of the refusal. An accepted request
/// still says nothing about them.
/// </summary>
public sealed class UnknownMemberTests(PaymentServiceApiFactory factory) : IClassFixture<PaymentServiceApiFactory>
{
    [Fact]
    public async Task R5_R14_a_misspelt_goods_id_is_listed_with_the_member_it_misspells()
    {
        var refused = await factory.RefuseAsync("""{"good_id":188,"quantity":1}""");

        Assert.Equal(("no_items", (string?)null), (refused.Error, refused.Field));
        Assert.Equal("""[{"member":"good_id","closest":"goods_id"}]""", UnknownMembersOf(refused));
        Assert.Equal("error,field,unknown_members", MembersOf(refused.Data));
    }

    [Fact]
    public async Task R5_a_nested_unknown_member_is_named_by_its_json_path_and_compared_with_its_own_level()
    {
        var refused = await factory.RefuseAsync("""{"details":[{"goods_id":188},{"goods_id":1,"goods_sku":1}]}""");

        Assert.Equal(("sku_required", "details[1].goods_sku_id"), (refused.Error, refused.Field));
        Assert.Equal("""[{"member":"details[1].goods_sku","closest":"goods_sku_id"}]""", UnknownMembersOf(refused));
    }

    [Fact]
    public async Task R5_every_level_is_walked_address_and_sku_values_included_in_body_order()
    {
        var refused = await factory.RefuseAsync(
            """{"goods_id":188,"Goods_Id":1,"address":{"nmae":"A","name":"A","phone":"123456","province":"P","city":"C","country":"D","address_info":"1 Road","postcode":"450000"},"details":[{"goods_id":2,"sku_values":[{"idd":153}]}],"colour":"red"}""");

        Assert.Equal(("sku_not_found", "details[0].sku_values"), (refused.Error, refused.Field));
        Assert.Equal(
            """[{"member":"Goods_Id","closest":"goods_id"},{"member":"address.nmae","closest":"name"},{"member":"details[0].sku_values[0].idd","closest":"id"},{"member":"colour","closest":null}]""",
            UnknownMembersOf(refused));
    }

    [Fact]
    public async Task R5_an_unknown_member_is_listed_but_not_entered()
    {
        var refused = await factory.RefuseAsync("""{"detail":[{"goods_id":188,"quantityy":1}]}""");

        Assert.Equal("no_items", refused.Error);
        Assert.Equal("""[{"member":"detail","closest":"details"}]""", UnknownMembersOf(refused));
    }

    [Fact]
    public async Task R5_R12_R20_response_only_members_are_unknown_to_the_request_too()
    {
        var refused = await factory.RefuseAsync("""{"user_id":2001,"status":1,"amount":1}""");

        Assert.Equal("no_items", refused.Error);
        Assert.Equal(
            """[{"member":"user_id","closest":null},{"member":"status","closest":null},{"member":"amount","closest":null}]""",
            UnknownMembersOf(refused));
    }

    [Fact]
    public async Task R5_an_accepted_request_still_ignores_unknown_members_silently()
    {
        var placed = await factory.PlaceAsync("""{"goods_id":188,"good_id":5,"details_":[],"colour":"red"}""");

        Assert.Equal(0, placed.Code);
        Assert.False(placed.Data.TryGetProperty("unknown_members", out _));
    }

    [Fact]
    public async Task R5_a_refusal_without_unknown_members_has_no_such_member()
    {
        var refused = await factory.RefuseAsync("""{"goods_id":188,"quantity":-1}""");

        Assert.Equal("error,field", MembersOf(refused.Data));
    }

    [Fact]
    public async Task R5_a_member_of_the_wrong_type_is_refused_with_the_unknown_members_beside_it()
    {
        var refused = await factory.RefuseAsync("""{"details":[1,null,{"goodsid":188}],"quantiy":2}""");

        Assert.Equal(("invalid_json", "details[0]"), (refused.Error, refused.Field));
        Assert.Equal(
            """[{"member":"details[2].goodsid","closest":"goods_id"},{"member":"quantiy","closest":"quantity"}]""",
            UnknownMembersOf(refused));
        Assert.Equal("error,expected,field,unknown_members", MembersOf(refused.Data));
    }

    [Fact]
    public async Task R5_at_most_twenty_are_listed_the_first_in_body_order()
    {
        var members = string.Join(',', Enumerable.Range(1, 25).Select(i => $"\"extra_{i}\":{i}"));

        var refused = await factory.RefuseAsync("{" + members + "}");

        var listed = refused.Data.GetProperty("unknown_members").EnumerateArray().Select(m => m.GetProperty("member").GetString()).ToArray();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"extra_{i}"), listed);
    }

    [Fact]
    public async Task R5_R9_a_login_refusal_lists_them_beside_its_reason()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json("""{"good_id":188}"""));
        var refused = await Envelope.ReadAsync(response);

        Assert.Equal((1001, "not_logged_in", "missing"), (refused.Code, refused.Error, refused.Data.GetProperty("reason").GetString()));
        Assert.Equal("""[{"member":"good_id","closest":"goods_id"}]""", UnknownMembersOf(refused));
    }

    [Fact]
    public async Task R5_R55_an_idempotency_key_refusal_lists_them()
    {
        using var client = factory.ClientFor(1000);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/order/create") { Content = OrderPlatformApiFactory.Json("""{"goods_id":188,"cuopon_code":"COUPON2023"}""") };
        Assert.True(request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 256)));

        using var response = await client.SendAsync(request);
        var refused = await Envelope.ReadAsync(response);

        Assert.Equal("idempotency_key_invalid", refused.Error);
        Assert.Equal("""[{"member":"cuopon_code","closest":"coupon_code"}]""", UnknownMembersOf(refused));
    }

    [Fact]
    public async Task R5_R63_a_refused_cancel_lists_them()
    {
        var refused = await factory.CancelAsync("""{"orderid":"202601010000000001"}""");

        Assert.Equal(("invalid_order_id", "order_id"), (refused.Error, refused.Field));
        Assert.Equal("""[{"member":"orderid","closest":"order_id"}]""", UnknownMembersOf(refused));
    }

    [Fact]
    public async Task R5_R65_a_refused_payment_confirmation_lists_them()
    {
        var placed = await factory.PlaceAsync("""{"goods_id":188}""");

        var (status, refused) = await factory.PostPaidAsync(
            $$"""{"order_id":"{{OrderSession.NumberOf(placed)}}","payment_id":"wx-1","ammount":9900}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("amount_mismatch", "amount"), (refused.Error, refused.Field));
        Assert.Equal("""[{"member":"ammount","closest":"amount"}]""", UnknownMembersOf(refused));
    }

    private static string UnknownMembersOf(Envelope refused) => refused.Data.GetProperty("unknown_members").GetRawText();

    private static string MembersOf(JsonElement data) =>
        string.Join(',', data.EnumerateObject().Select(member => member.Name).Order(StringComparer.Ordinal));
}
