using System.Net;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R65 over HTTP, as the payment service calls it with its key: a waiting order becomes paid once;
/// a retry of the same payment changes nothing; anything that does not fit the order (another
/// payment, another amount, a closed order) is refused and changes nothing. Payments are state,
/// so each test gets a freshly seeded service.
/// </summary>
public sealed class PaymentConfirmationTests : IDisposable
{
    private readonly PaymentServiceApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task R65_a_waiting_order_becomes_paid_with_its_paid_time_and_payment_id_stored()
    {
        var placed = await _factory.PlaceAsync("""{"goods_id":188,"quantity":2}""");
        var stockWhenPlaced = await DatabaseState.ReadAsync(_factory.Services);
        _factory.Clock.Advance(TimeSpan.FromMinutes(3));

        var (status, paid) = await _factory.PostPaidAsync(PaidBody(placed, "wx-4200001234", 19800));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((0, string.Empty), (paid.Code, paid.Msg));
        var order = paid.Data;
        Assert.Equal(OrderSession.IdOf(placed), order.GetProperty("id").GetInt64());
        Assert.Equal(1, order.GetProperty("status").GetInt32());
        Assert.Equal("wx-4200001234", order.GetProperty("payment_id").GetString());
        var paidTime = order.GetProperty("paid_time").GetInt64();
        Assert.True(paidTime >= placed.Data.GetProperty("created_time").GetInt64() + (3 * 60), "paid_time is the time of the confirmation");
        Assert.Equal(paidTime, order.GetProperty("updated_time").GetInt64());
        Assert.Equal(order.GetRawText(), (await _factory.DetailAsync(placed)).Data.GetRawText());
        var row = await StoredRows.OrderAsync(_factory.Services, OrderSession.NumberOf(placed));
        Assert.Equal((OrderStatus.Paid, "wx-4200001234", paidTime), (row.Status, row.PaymentId, row.PaidAt?.ToUnixTimeSeconds()));
        Assert.Equal(stockWhenPlaced, await DatabaseState.ReadAsync(_factory.Services));
    }

    [Fact]
    public async Task R65_the_same_payment_confirmed_again_succeeds_and_changes_nothing()
    {
        var placed = await _factory.PlaceAsync("""{"goods_id":188}""");
        var first = await _factory.PayAsync(placed, "wx-same");
        _factory.Clock.Advance(TimeSpan.FromMinutes(10));

        var (status, again) = await _factory.PostPaidAsync(PaidBody(placed, "wx-same", 9900));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, again.Code);
        Assert.Equal(first.Data.GetProperty("paid_time").GetInt64(), again.Data.GetProperty("paid_time").GetInt64());
        Assert.Equal(first.Data.GetProperty("updated_time").GetInt64(), again.Data.GetProperty("updated_time").GetInt64());
        Assert.Equal(first.Data.GetRawText(), again.Data.GetRawText());
        Assert.Equal(first.Data.GetRawText(), (await _factory.DetailAsync(placed)).Data.GetRawText());
    }

    [Fact]
    public async Task R65_another_payment_of_a_paid_order_is_order_already_paid_and_the_first_payment_stays()
    {
        var placed = await _factory.PlaceAsync("""{"goods_id":188}""");
        var first = await _factory.PayAsync(placed, "wx-first");

        var (status, refused) = await _factory.PostPaidAsync(PaidBody(placed, "wx-second", 9900));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((-1, "order_already_paid", "payment_id"), (refused.Code, refused.Error, refused.Field));
        Assert.Equal(1, refused.Data.GetProperty("status").GetInt32());
        Assert.Equal(first.Data.GetRawText(), (await _factory.DetailAsync(placed)).Data.GetRawText());
    }

    [Fact]
    public async Task R65_an_amount_other_than_the_orders_is_amount_mismatch_and_changes_nothing()
    {
        var placed = await _factory.PlaceAsync("""{"goods_id":188,"coupon_code":"COUPON2023"}""");
        var number = OrderSession.NumberOf(placed);
        var before = (await _factory.DetailAsync(placed)).Data.GetRawText();

        foreach (var body in new[]
        {
            PaidBody(placed, "wx-1", 7899),
            PaidBody(placed, "wx-1", 7901),
            PaidBody(placed, "wx-1", 9900),
            PaidBody(placed, "wx-1", 0),
            PaidBody(placed, "wx-1", -7900),
            $$"""{"order_id":"{{number}}","payment_id":"wx-1"}""",
        })
        {
            var (status, refused) = await _factory.PostPaidAsync(body);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(refused.Error == "amount_mismatch", $"{body}: {refused.Root}");
            Assert.Equal((-1, "amount"), (refused.Code, refused.Field));
        }

        var mismatch = (await _factory.PostPaidAsync(PaidBody(placed, "wx-1", 9900))).Envelope;
        Assert.Equal(7900, mismatch.Data.GetProperty("amount").GetInt64());
        Assert.Equal(before, (await _factory.DetailAsync(placed)).Data.GetRawText());
    }

    [Fact]
    public async Task R65_an_unknown_order_is_order_not_found()
    {
        var (status, refused) = await _factory.PostPaidAsync(PaymentServiceApiFactory.PaidBody("209901010000009999", "wx-1", 9900));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((-1, "order_not_found", "order_id"), (refused.Code, refused.Error, refused.Field));
    }

    [Fact]
    public async Task R65_a_cancelled_order_is_order_closed_and_stays_cancelled_and_unpaid()
    {
        var placed = await _factory.PlaceAsync("""{"goods_id":188,"quantity":3}""");
        Assert.Equal(0, (await _factory.CancelAsync(placed)).Code);
        var before = await DatabaseState.ReadAsync(_factory.Services);
        var detailBefore = (await _factory.DetailAsync(placed)).Data.GetRawText();

        var (status, refused) = await _factory.PostPaidAsync(PaidBody(placed, "wx-late", 29700));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((-1, "order_closed", "order_id"), (refused.Code, refused.Error, refused.Field));
        Assert.Equal(-1, refused.Data.GetProperty("status").GetInt32());
        var detail = (await _factory.DetailAsync(placed)).Data;
        Assert.Equal(detailBefore, detail.GetRawText());
        Assert.Equal((-1, 0L, string.Empty), (detail.GetProperty("status").GetInt32(), detail.GetProperty("paid_time").GetInt64(), detail.GetProperty("payment_id").GetString()));
        Assert.Equal(before, await DatabaseState.ReadAsync(_factory.Services));
    }

    [Fact]
    public async Task R65_a_missing_empty_mistyped_or_too_long_payment_id_is_invalid_json_and_64_characters_are_accepted()
    {
        var placed = await _factory.PlaceAsync("""{"goods_id":188}""");
        var number = OrderSession.NumberOf(placed);

        foreach (var body in new[]
        {
            $$"""{"order_id":"{{number}}","amount":9900}""",
            $$"""{"order_id":"{{number}}","payment_id":null,"amount":9900}""",
            PaidBody(placed, string.Empty, 9900),
            PaidBody(placed, new string('p', 65), 9900),
            $$"""{"order_id":"{{number}}","payment_id":12345,"amount":9900}""",
        })
        {
            var (status, refused) = await _factory.PostPaidAsync(body);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(refused.Error == "invalid_json", $"{body}: {refused.Root}");
            Assert.Equal((-1, "payment_id"), (refused.Code, refused.Field));
        }

        Assert.Equal(0, (await _factory.DetailAsync(placed)).Data.GetProperty("status").GetInt32());
        var accepted = await _factory.PayAsync(placed, new string('p', 64));
        Assert.Equal(new string('p', 64), accepted.Data.GetProperty("payment_id").GetString());
    }

    [Theory]
    [InlineData("""{"payment_id":"wx-1","amount":9900}""")]
    [InlineData("""{"order_id":"","payment_id":"wx-1","amount":9900}""")]
    [InlineData("""{"order_id":"abc","payment_id":"wx-1","amount":9900}""")]
    public async Task R63_R65_a_missing_or_malformed_order_id_is_invalid_order_id(string body)
    {
        var (status, refused) = await _factory.PostPaidAsync(body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((-1, "invalid_order_id", "order_id"), (refused.Code, refused.Error, refused.Field));
    }

    [Theory]
    [InlineData("\"9900\"")]
    [InlineData("9900.5")]
    [InlineData("true")]
    public async Task R5_R65_an_amount_that_is_not_an_integer_is_invalid_json(string amount)
    {
        var placed = await _factory.PlaceAsync("""{"goods_id":188}""");

        var (status, refused) = await _factory.PostPaidAsync($$"""{"order_id":"{{OrderSession.NumberOf(placed)}}","payment_id":"wx-1","amount":{{amount}}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((-1, "invalid_json", "amount"), (refused.Code, refused.Error, refused.Field));
        Assert.Equal("amount must be an integer", refused.Msg);
        Assert.Equal(0, (await _factory.DetailAsync(placed)).Data.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task R44_R65_paying_a_vip_order_moves_the_buyer_into_the_vip_group()
    {
        var placed = await _factory.PlaceAsync("""{"type":"vip","goods_id":3}""");
        Assert.Equal(1, await StoredRows.GroupOfUserAsync(_factory.Services, 1000));

        var paid = await _factory.PayAsync(placed, "wx-vip");

        Assert.Equal(1, paid.Data.GetProperty("status").GetInt32());
        Assert.Equal(3, await StoredRows.GroupOfUserAsync(_factory.Services, 1000));
        Assert.Equal(1, await StoredRows.GroupOfUserAsync(_factory.Services, 2001));
    }

    private static string PaidBody(Envelope placed, string paymentId, long amount) =>
        PaymentServiceApiFactory.PaidBody(OrderSession.NumberOf(placed), paymentId, amount);
}
