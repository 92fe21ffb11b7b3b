using System.Net;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R6 and R68 over HTTP: each of the eight error codes of section 16 is answered in Simplified
/// Chinese on request, with the same HTTP status, envelope code and data as in English.
/// </summary>
public sealed class AfterPlacementLocalizationTests(PaymentServiceApiFactory factory) : IClassFixture<PaymentServiceApiFactory>
{
    [Theory]
    [InlineData("detail of another buyer's order", HttpStatusCode.OK, -1, "order_not_found", "订单不存在")]
    [InlineData("detail by a malformed id", HttpStatusCode.OK, -1, "invalid_order_id", "订单号无效")]
    [InlineData("list by an unknown status", HttpStatusCode.OK, -1, "invalid_status", "订单状态筛选条件无效")]
    [InlineData("cancel of a cancelled order", HttpStatusCode.OK, -1, "order_not_cancellable", "只有待付款的订单可以取消")]
    [InlineData("another payment of a paid order", HttpStatusCode.OK, -1, "order_already_paid", "订单已通过其他支付完成付款")]
    [InlineData("payment of a cancelled order", HttpStatusCode.OK, -1, "order_closed", "订单已关闭或已取消，该笔付款需退款")]
    [InlineData("payment of another amount", HttpStatusCode.OK, -1, "amount_mismatch", "支付金额与订单金额不符")]
    [InlineData("payment with a wrong key", HttpStatusCode.Unauthorized, 1002, "invalid_service_key", "服务密钥缺失或无效")]
    [InlineData("payment without a payment id", HttpStatusCode.OK, -1, "invalid_json", "payment_id 为必填项，长度为 1 到 64 个字符")]
    public async Task R6_R68_an_after_placement_error_is_told_in_chinese_on_request_with_the_same_code_and_data(
        string scenario, HttpStatusCode httpStatus, int code, string error, string chinese)
    {
        var send = await PrepareAsync(scenario);

        var (englishStatus, english) = await send(null);
        var (chineseStatus, inChinese) = await send("zh-CN");

        Assert.Equal((httpStatus, httpStatus), (englishStatus, chineseStatus));
        Assert.Equal((code, code), (english.Code, inChinese.Code));
        Assert.Equal(error, inChinese.Error);
        Assert.Equal(english.Data.GetRawText(), inChinese.Data.GetRawText());
        Assert.Equal(chinese, inChinese.Msg);
        Assert.NotEqual(english.Msg, inChinese.Msg);
    }

    [Fact]
    public async Task R6_R68_accept_language_asks_for_chinese_on_the_new_endpoints_too()
    {
        using var client = factory.ClientFor(1000);
        client.DefaultRequestHeaders.Add("Accept-Language", "zh-CN,zh;q=0.9");

        using var response = await client.GetAsync("/api/orders?status=bogus");
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(("invalid_status", "status"), (envelope.Error, envelope.Field));
        Assert.Equal("订单状态筛选条件无效", envelope.Msg);
    }

    /// <summary>Sets the scenario's order up once, and returns how to send its request in a language (null for the default).</summary>
    private async Task<Func<string?, Task<(HttpStatusCode, Envelope)>>> PrepareAsync(string scenario)
    {
        switch (scenario)
        {
            case "detail of another buyer's order":
                var othersOrder = await factory.PlaceAsync("""{"goods_id":188}""", userId: 2001);
                return lang => GetAsync("/api/order/detail?order_id=" + OrderSession.NumberOf(othersOrder), lang);
            case "detail by a malformed id":
                return lang => GetAsync("/api/order/detail?id=-3", lang);
            case "list by an unknown status":
                return lang => GetAsync("/api/orders?status=bogus", lang);
            case "cancel of a cancelled order":
                var cancelled = await factory.PlaceAsync("""{"goods_id":188}""");
                Assert.Equal(0, (await factory.CancelAsync(cancelled)).Code);
                return lang => CancelAsync(cancelled, lang);
            case "another payment of a paid order":
                var paid = await factory.PlaceAsync("""{"goods_id":188}""");
                await factory.PayAsync(paid, "wx-first");
                return lang => PayAsync(paid, "wx-second", 9900, lang);
            case "payment of a cancelled order":
                var closed = await factory.PlaceAsync("""{"goods_id":188}""");
                Assert.Equal(0, (await factory.CancelAsync(closed)).Code);
                return lang => PayAsync(closed, "wx-late", 9900, lang);
            case "payment of another amount":
                var waiting = await factory.PlaceAsync("""{"goods_id":188}""");
                return lang => PayAsync(waiting, "wx-1", 1, lang);
            case "payment with a wrong key":
                var unpaid = await factory.PlaceAsync("""{"goods_id":188}""");
                return lang => factory.PostPaidAsync(
                    PaymentServiceApiFactory.PaidBody(OrderSession.NumberOf(unpaid), "wx-1", 9900), key: "wrong", query: LangQuery(lang, "?"));
            case "payment without a payment id":
                var anyOrder = await factory.PlaceAsync("""{"goods_id":188}""");
                return lang => factory.PostPaidAsync(
                    $$"""{"order_id":"{{OrderSession.NumberOf(anyOrder)}}","amount":9900}""", query: LangQuery(lang, "?"));
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "No such scenario.");
        }
    }

    private async Task<(HttpStatusCode, Envelope)> GetAsync(string path, string? lang)
    {
        using var client = factory.ClientFor(1000);
        using var response = await client.GetAsync(path + LangQuery(lang, "&"));
        return (response.StatusCode, await Envelope.ReadAsync(response));
    }

    private async Task<(HttpStatusCode, Envelope)> CancelAsync(Envelope order, string? lang)
    {
        using var client = factory.ClientFor(1000);
        using var response = await client.PostAsync(
            "/api/order/cancel" + LangQuery(lang, "?"),
            OrderPlatformApiFactory.Json($$"""{"order_id":"{{OrderSession.NumberOf(order)}}"}"""));
        return (response.StatusCode, await Envelope.ReadAsync(response));
    }

    private Task<(HttpStatusCode, Envelope)> PayAsync(Envelope order, string paymentId, long amount, string? lang) =>
        factory.PostPaidAsync(PaymentServiceApiFactory.PaidBody(OrderSession.NumberOf(order), paymentId, amount), query: LangQuery(lang, "?"));

    private static string LangQuery(string? lang, string separator) => lang is null ? string.Empty : separator + "lang=" + lang;
}
