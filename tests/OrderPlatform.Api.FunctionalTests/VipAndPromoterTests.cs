namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// Spec sections 10 and 11, and R54, over HTTP. Demo chain: buyer 2001 -> promoter 2002 ->
/// senior promoter 2003, both promoters retailers in group 2 (discount 90 %, share 10 %, parent 5 %).
/// </summary>
public sealed class VipAndPromoterTests : IDisposable
{
    private readonly OrderPlatformApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task R44_R45_a_vip_order_buys_membership_periods_at_the_group_price_with_no_seller_and_no_stock()
    {
        var before = await DatabaseState.ReadAsync(_factory.Services);

        var order = (await _factory.PlaceAsync("""{"type":"vip","goods_id":3,"quantity":2}""")).Data;

        Assert.Equal("vip", order.GetProperty("type").GetString());
        Assert.Equal(2 * 19900, order.GetProperty("amount").GetInt64());
        Assert.Equal(0, order.GetProperty("seller_id").GetInt64());
        Assert.Equal(0, order.GetProperty("seller_amount").GetInt64());
        Assert.Equal("VIP Member", order.GetProperty("remark").GetString());
        var after = await DatabaseState.ReadAsync(_factory.Services);
        Assert.Equal((before.ProductStock, before.SkuStock), (after.ProductStock, after.SkuStock));
    }

    [Fact]
    public async Task R32_R45_R48_R49_a_referred_buyers_vip_order_gets_the_referral_discount_and_pays_the_promoters()
    {
        var order = (await _factory.PlaceAsync("""{"type":"vip","goods_id":3}""", userId: 2001)).Data;

        Assert.Equal(19900, order.GetProperty("origin_amount").GetInt64());
        Assert.Equal(17910, order.GetProperty("amount").GetInt64());
        Assert.Equal(2002, order.GetProperty("share_user_id").GetInt64());
        Assert.Equal(1791, order.GetProperty("share_amount").GetInt64());
        Assert.Equal(2003, order.GetProperty("share_parent_user_id").GetInt64());
        Assert.Equal(895, order.GetProperty("share_parent_amount").GetInt64());
        Assert.Equal(0, order.GetProperty("seller_amount").GetInt64());
    }

    [Fact]
    public async Task R32_R47_R48_R49_R50_a_referred_buyer_pays_less_and_the_amount_is_shared_promoters_first()
    {
        var order = (await _factory.PlaceAsync("""{"goods_id":188}""", userId: 2001)).Data;

        Assert.Equal(9900, order.GetProperty("origin_amount").GetInt64());
        Assert.Equal(8910, order.GetProperty("amount").GetInt64());
        Assert.Equal(8910, order.GetProperty("details")[0].GetProperty("price").GetInt64());
        Assert.Equal(2002, order.GetProperty("share_user_id").GetInt64());
        Assert.Equal(891, order.GetProperty("share_amount").GetInt64());
        Assert.Equal(2003, order.GetProperty("share_parent_user_id").GetInt64());
        Assert.Equal(445, order.GetProperty("share_parent_amount").GetInt64());
        Assert.Equal((8910 - 891 - 445) * 80 / 100, order.GetProperty("seller_amount").GetInt64());
    }

    [Fact]
    public async Task R47_without_AllowSelf_a_promoter_buying_for_themselves_credits_their_parent()
    {
        var order = (await _factory.PlaceAsync("""{"goods_id":188}""", userId: 2002)).Data;

        Assert.Equal(2003, order.GetProperty("share_user_id").GetInt64());
        Assert.Equal(891, order.GetProperty("share_amount").GetInt64());
        Assert.Equal(0, order.GetProperty("share_parent_user_id").GetInt64());
    }

    [Fact]
    public async Task R47_with_AllowSelf_a_retailer_earns_on_their_own_purchase()
    {
        using var allowSelf = _factory.WithWebHostBuilder(builder => builder.UseSetting("Retailer:AllowSelf", "true"));
        using var client = allowSelf.CreateClient();
        client.DefaultRequestHeaders.Add("token", _factory.TokenFor(2002));

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json("""{"goods_id":188}"""));
        var order = (await Envelope.ReadAsync(response)).Data;

        Assert.Equal(2002, order.GetProperty("share_user_id").GetInt64());
        Assert.Equal(891, order.GetProperty("share_amount").GetInt64());
        Assert.Equal(2003, order.GetProperty("share_parent_user_id").GetInt64());
        Assert.Equal(445, order.GetProperty("share_parent_amount").GetInt64());
    }

    [Fact]
    public async Task R54_a_product_with_a_custom_form_link_returns_it_with_the_order_number()
    {
        var order = (await _factory.PlaceAsync("""{"goods_id":189}""")).Data;

        Assert.Equal(
            "https://forms.example.com/engraving?order=" + order.GetProperty("order_id").GetString(),
            order.GetProperty("custom_form_url").GetString());
    }

    [Fact]
    public async Task R18_an_empty_remark_is_written_from_the_first_title()
    {
        Assert.Equal("AnQiCMS Pro licence", (await _factory.PlaceAsync("""{"goods_id":188,"remark":"   "}""")).Data.GetProperty("remark").GetString());
        Assert.Equal(
            "Engraved pen...",
            (await _factory.PlaceAsync("""{"details":[{"goods_id":189},{"goods_id":188}]}""")).Data.GetProperty("remark").GetString());
    }
}
