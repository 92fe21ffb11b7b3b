using System.Net;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R62 over HTTP: a buyer lists only their own orders, newest first, with AnQiCMS's lenient paging
/// and status names, and a total that counts exactly the matching orders. Counts are state, so
/// each test gets a freshly seeded service.
/// </summary>
public sealed class OrderListTests : IDisposable
{
    private readonly PaymentServiceApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task R62_only_the_buyers_own_orders_are_listed_newest_first_with_their_total()
    {
        var mine = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add(OrderSession.IdOf(await _factory.PlaceAsync("""{"goods_id":188}""")));
            await _factory.PlaceAsync("""{"goods_id":188}""", userId: 2001);
        }

        var list = await _factory.ListAsync();

        Assert.Equal((0, string.Empty), (list.Code, list.Msg));
        Assert.Equal(["code", "msg", "data", "total"], list.Root.EnumerateObject().Select(m => m.Name));
        Assert.Equal(Enumerable.Reverse(mine), OrderSession.IdsIn(list));
        Assert.Equal(3, OrderSession.TotalOf(list));
        Assert.All(list.Data.EnumerateArray(), o => Assert.Equal(1000, o.GetProperty("user_id").GetInt64()));
        Assert.Equal(3, OrderSession.TotalOf(await _factory.ListAsync(userId: 2001)));
        Assert.Equal(0, OrderSession.TotalOf(await _factory.ListAsync(userId: 2002)));

        // Each listed order is the order as its detail shows it.
        var newest = await _factory.DetailAsync("id=" + mine[^1]);
        Assert.Equal(newest.Data.GetRawText(), list.Data[0].GetRawText());
    }

    [Fact]
    public async Task R62_current_and_page_size_page_through_the_orders_and_a_page_below_1_or_not_a_number_is_page_1()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(OrderSession.IdOf(await _factory.PlaceAsync("""{"goods_id":188}""")));
        }

        ids.Reverse();
        Assert.Equal(ids[0..2], OrderSession.IdsIn(await _factory.ListAsync("current=1&pageSize=2")));
        Assert.Equal(ids[2..4], OrderSession.IdsIn(await _factory.ListAsync("current=2&pageSize=2")));
        Assert.Equal(ids[4..], OrderSession.IdsIn(await _factory.ListAsync("current=3&pageSize=2")));
        var beyond = await _factory.ListAsync("current=4&pageSize=2");
        Assert.Empty(OrderSession.IdsIn(beyond));
        Assert.Equal(5, OrderSession.TotalOf(beyond));
        foreach (var firstPage in new[] { "current=0&pageSize=2", "current=-7&pageSize=2", "current=abc&pageSize=2", "current=&pageSize=2", "current=1.5&pageSize=2" })
        {
            var list = await _factory.ListAsync(firstPage);
            Assert.True(ids[0..2].SequenceEqual(OrderSession.IdsIn(list)), firstPage);
            Assert.Equal(5, OrderSession.TotalOf(list));
        }
    }

    [Fact]
    public async Task R62_page_size_below_1_or_not_a_number_is_10_and_above_100_is_100()
    {
        var ids = new List<long>();
        for (var i = 0; i < 101; i++)
        {
            ids.Add(OrderSession.IdOf(await _factory.PlaceAsync("""{"goods_id":188}""")));
        }

        ids.Reverse();
        foreach (var (query, expected) in new[]
        {
            ("", ids[0..10]),
            ("pageSize=0", ids[0..10]),
            ("pageSize=-1", ids[0..10]),
            ("pageSize=abc", ids[0..10]),
            ("pageSize=100", ids[0..100]),
            ("pageSize=101", ids[0..100]),
            ("pageSize=1000", ids[0..100]),
            ("current=2&pageSize=1000", ids[100..]),
            ("current=11&pageSize=0", ids[100..]),
        })
        {
            var list = await _factory.ListAsync(query);
            Assert.True(expected.SequenceEqual(OrderSession.IdsIn(list)), $"{query}: {list.Data.GetArrayLength()} orders");
            Assert.Equal(101, OrderSession.TotalOf(list));
        }
    }

    [Fact]
    public async Task R62_each_status_name_lists_only_the_orders_in_that_status_and_counts_only_them()
    {
        var cancelled = await _factory.PlaceAsync("""{"goods_id":188}""");
        var paid = await _factory.PlaceAsync("""{"goods_id":188}""");
        var waiting1 = await _factory.PlaceAsync("""{"goods_id":188}""");
        var waiting2 = await _factory.PlaceAsync("""{"goods_id":188}""");
        Assert.Equal(0, (await _factory.CancelAsync(cancelled)).Code);
        await _factory.PayAsync(paid);

        // Another buyer's orders in every status must not leak into any filter or total.
        var othersCancelled = await _factory.PlaceAsync("""{"goods_id":188}""", userId: 2001);
        var othersPaid = await _factory.PlaceAsync("""{"goods_id":188}""", userId: 2001);
        await _factory.PlaceAsync("""{"goods_id":188}""", userId: 2001);
        Assert.Equal(0, (await _factory.CancelAsync(othersCancelled, userId: 2001)).Code);
        await _factory.PayAsync(othersPaid, "pay-other");

        var expectations = new (string Query, Envelope[] Orders)[]
        {
            ("", [waiting2, waiting1, paid, cancelled]),
            ("status=", [waiting2, waiting1, paid, cancelled]),
            ("status=waiting", [waiting2, waiting1]),
            ("status=paid", [paid]),
            ("status=canceled", [cancelled]),
            ("status=delivery", []),
            ("status=finished", []),
            ("status=refunding", []),
        };
        foreach (var (query, orders) in expectations)
        {
            var list = await _factory.ListAsync(query);
            Assert.True(list.Code == 0, $"{query}: {list.Root}");
            Assert.True(orders.Select(OrderSession.IdOf).SequenceEqual(OrderSession.IdsIn(list)), query);
            Assert.Equal(orders.Length, OrderSession.TotalOf(list));
        }

        var paidOnly = await _factory.ListAsync("status=paid");
        Assert.Equal(1, paidOnly.Data[0].GetProperty("status").GetInt32());
        Assert.Equal("pay-0001", paidOnly.Data[0].GetProperty("payment_id").GetString());
        Assert.Equal(-1, (await _factory.ListAsync("status=canceled")).Data[0].GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("cancelled")]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task R62_an_unknown_status_is_invalid_status(string status)
    {
        var list = await _factory.ListAsync("status=" + status);

        Assert.Equal(-1, list.Code);
        Assert.Equal("invalid_status", list.Error);
        Assert.Equal("status", list.Field);
        Assert.Equal("The order status filter is not valid", list.Msg);
    }

    [Fact]
    public async Task R62_R9_an_anonymous_caller_is_1001_with_http_200()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/orders?status=waiting");
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1001, "not_logged_in"), (envelope.Code, envelope.Error));
    }
}
