namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R63 over HTTP: a buyer cancels their own waiting order and its stock and coupon use come back,
/// exactly once; an order that is no longer waiting, or is not theirs, cannot be cancelled and
/// nothing is given back. Stock and coupon uses are state, so each test gets a freshly seeded service.
/// </summary>
public sealed class OrderCancelTests : IDisposable
{
    private const long LicenceProductId = 188;
    private const long SmallShirtSkuId = 1;
    private const long FixedCouponCodeId = 1;

    private readonly PaymentServiceApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task R63_R66_cancelling_gives_the_stock_and_the_coupon_use_back_and_answers_the_cancelled_order()
    {
        var stockBefore = await StockAsync();
        Assert.Equal((0, 0L), await StoredRows.CouponCodeUsesAsync(_factory.Services, FixedCouponCodeId));

        var placed = await _factory.PlaceAsync(
            """{"details":[{"goods_id":188,"quantity":2},{"goods_id":1,"goods_sku_id":1,"quantity":3}],"coupon_code":"COUPON2023"}""");
        Assert.Equal((stockBefore.Product - 2, stockBefore.Sku - 3), await StockAsync());
        Assert.Equal((1, 1L), await StoredRows.CouponCodeUsesAsync(_factory.Services, FixedCouponCodeId));

        _factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var cancelled = await _factory.CancelAsync(placed);

        Assert.Equal((0, string.Empty), (cancelled.Code, cancelled.Msg));
        var order = cancelled.Data;
        Assert.Equal(OrderSession.IdOf(placed), order.GetProperty("id").GetInt64());
        Assert.Equal(OrderSession.NumberOf(placed), order.GetProperty("order_id").GetString());
        Assert.Equal(-1, order.GetProperty("status").GetInt32());
        Assert.Equal(placed.Data.GetProperty("amount").GetInt64(), order.GetProperty("amount").GetInt64());
        Assert.Equal(2000, order.GetProperty("discount_amount").GetInt64());
        Assert.Equal(2, order.GetProperty("details").GetArrayLength());
        Assert.Equal(0, order.GetProperty("paid_time").GetInt64());
        Assert.True(
            order.GetProperty("updated_time").GetInt64() >= placed.Data.GetProperty("created_time").GetInt64() + (5 * 60),
            "updated_time is the time of the cancel");
        Assert.Equal(stockBefore, await StockAsync());
        Assert.Equal((0, 0L), await StoredRows.CouponCodeUsesAsync(_factory.Services, FixedCouponCodeId));
        Assert.Equal(order.GetRawText(), (await _factory.DetailAsync(placed)).Data.GetRawText());

        // The use really is back: the buyer may redeem the same code again.
        Assert.Equal(2000, (await _factory.PlaceAsync("""{"goods_id":188,"coupon_code":"COUPON2023"}""")).Data.GetProperty("discount_amount").GetInt64());
    }

    [Fact]
    public async Task R63_a_second_cancel_is_order_not_cancellable_with_status_minus_1_and_gives_nothing_back_twice()
    {
        var stockBefore = await StockAsync();
        var placed = await _factory.PlaceAsync("""{"goods_id":188,"quantity":2,"coupon_code":"COUPON2023"}""");
        Assert.Equal(0, (await _factory.CancelAsync(placed)).Code);
        var afterFirst = await DatabaseState.ReadAsync(_factory.Services);

        var again = await _factory.CancelAsync(placed);

        Assert.Equal(-1, again.Code);
        Assert.Equal("order_not_cancellable", again.Error);
        Assert.Equal("order_id", again.Field);
        Assert.Equal(-1, again.Data.GetProperty("status").GetInt32());
        Assert.Equal("Only an order waiting for payment can be cancelled", again.Msg);
        Assert.Equal(afterFirst, await DatabaseState.ReadAsync(_factory.Services));
        Assert.Equal(stockBefore, await StockAsync());
    }

    [Fact]
    public async Task R63_a_paid_order_is_order_not_cancellable_with_status_1_and_keeps_its_stock_and_payment()
    {
        var placed = await _factory.PlaceAsync("""{"details":[{"goods_id":188,"quantity":2},{"goods_id":1,"goods_sku_id":1,"quantity":3}]}""");
        await _factory.PayAsync(placed);
        var stockWhenPaid = await StockAsync();
        var before = await DatabaseState.ReadAsync(_factory.Services);

        var refused = await _factory.CancelAsync(placed);

        Assert.Equal((-1, "order_not_cancellable", "order_id"), (refused.Code, refused.Error, refused.Field));
        Assert.Equal(1, refused.Data.GetProperty("status").GetInt32());
        Assert.Equal(stockWhenPaid, await StockAsync());
        Assert.Equal(before, await DatabaseState.ReadAsync(_factory.Services));
        var detail = (await _factory.DetailAsync(placed)).Data;
        Assert.Equal(1, detail.GetProperty("status").GetInt32());
        Assert.Equal("pay-0001", detail.GetProperty("payment_id").GetString());
    }

    [Fact]
    public async Task R63_another_buyers_order_is_order_not_found_as_an_unknown_one_and_stays_waiting()
    {
        var othersOrder = await _factory.PlaceAsync("""{"goods_id":188,"quantity":2}""", userId: 2001);
        var before = await DatabaseState.ReadAsync(_factory.Services);

        var refused = await _factory.CancelAsync(othersOrder, userId: 1000);
        var unknown = await _factory.CancelAsync("""{"order_id":"209901010000009999"}""");

        Assert.Equal((-1, "order_not_found", "order_id"), (refused.Code, refused.Error, refused.Field));
        Assert.Equal(unknown.Root.GetRawText(), refused.Root.GetRawText());
        Assert.Equal(before, await DatabaseState.ReadAsync(_factory.Services));
        Assert.Equal(0, (await _factory.DetailAsync(othersOrder, userId: 2001)).Data.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task R45_R63_cancelling_a_vip_order_gives_no_stock_back_and_leaves_the_buyers_group()
    {
        var placed = await _factory.PlaceAsync("""{"type":"vip","goods_id":3}""");
        var before = await DatabaseState.ReadAsync(_factory.Services);

        var cancelled = await _factory.CancelAsync(placed);

        Assert.Equal((0, -1), (cancelled.Code, cancelled.Data.GetProperty("status").GetInt32()));
        var after = await DatabaseState.ReadAsync(_factory.Services);
        Assert.Equal((before.ProductStock, before.SkuStock), (after.ProductStock, after.SkuStock));
        Assert.Equal(1, await StoredRows.GroupOfUserAsync(_factory.Services, 1000));
    }

    private async Task<(long Product, long Sku)> StockAsync() => (
        await StoredRows.ProductStockAsync(_factory.Services, LicenceProductId),
        await StoredRows.SkuStockAsync(_factory.Services, SmallShirtSkuId));
}
