using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R55 over HTTP: the Idempotency-Key header. A repeat of the same bytes gets the same answer with
/// Idempotent-Replayed: true and places nothing; other bytes under the key are refused; a malformed
/// key is refused with the body's other faults, before the login; concurrent repeats place one order.
/// </summary>
public sealed class IdempotencyKeyTests(OrderPlatformApiFactory factory) : IClassFixture<OrderPlatformApiFactory>
{
    private const string CreatePath = "/api/order/create";
    private const string Order = """{"goods_id":188}""";

    [Fact]
    public async Task R55_a_repeat_gets_the_same_answer_byte_for_byte_with_Idempotent_Replayed_and_places_nothing()
    {
        using var buyer = factory.ClientFor(1000);
        var key = NewKey();
        using var first = await PostAsync(buyer, Order, key);
        var firstBody = await first.Content.ReadAsStringAsync();
        var before = await DatabaseState.ReadAsync(factory.Services);

        using var repeat = await PostAsync(buyer, Order, key);

        Assert.Equal(0, (await Envelope.ReadAsync(first)).Code);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal("true", Assert.Single(repeat.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(firstBody, await repeat.Content.ReadAsStringAsync());
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
    }

    [Fact]
    public async Task R55_the_same_key_with_other_bytes_is_refused_as_reused_even_when_they_mean_the_same()
    {
        using var buyer = factory.ClientFor(1000);
        var key = NewKey();
        using var first = await PostAsync(buyer, Order, key);
        var before = await DatabaseState.ReadAsync(factory.Services);

        using var reordered = await PostAsync(buyer, """{ "goods_id": 188 }""", key);
        var refusal = await Envelope.ReadAsync(reordered);

        Assert.Equal(0, (await Envelope.ReadAsync(first)).Code);
        Assert.Equal((-1, "idempotency_key_reused", (string?)null), (refusal.Code, refusal.Error, refusal.Field));
        Assert.False(reordered.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
    }

    [Fact]
    public async Task R55_a_key_is_the_buyers_own_so_another_buyer_with_the_same_key_and_body_places_their_own_order()
    {
        var key = NewKey();
        using var first = factory.ClientFor(1000);
        using var second = factory.ClientFor(2001);

        var mine = await Envelope.ReadAsync(await PostAsync(first, Order, key));
        using var theirsResponse = await PostAsync(second, Order, key);
        var theirs = await Envelope.ReadAsync(theirsResponse);

        Assert.Equal((0, 0), (mine.Code, theirs.Code));
        Assert.False(theirsResponse.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(mine.Data.GetProperty("order_id").GetString(), theirs.Data.GetProperty("order_id").GetString());
    }

    public static TheoryData<string, string> MalformedKeys => new()
    {
        { "256 characters", new string('k', 256) },
        { "a control character", "key\u0001one" },
        { "a tab", "key\tone" },
        { "non-ASCII", "clé-ключ" },
        { "DEL", "key\u007f" },
    };

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task R55_a_malformed_key_is_refused_as_idempotency_key_invalid_and_nothing_is_written(string why, string key)
    {
        using var buyer = factory.ClientFor(1000);
        var before = await DatabaseState.ReadAsync(factory.Services);

        using var request = new HttpRequestMessage(HttpMethod.Post, CreatePath) { Content = OrderPlatformApiFactory.Json(Order) };
        Assert.True(request.Headers.TryAddWithoutValidation("Idempotency-Key", key), why);
        using var response = await buyer.SendAsync(request);
        var refusal = await Envelope.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((-1, "idempotency_key_invalid", (string?)null), (refusal.Code, refusal.Error, refusal.Field));
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
    }

    [Fact]
    public async Task R55_a_key_of_255_printable_characters_is_accepted()
    {
        using var buyer = factory.ClientFor(1000);
        var key = string.Concat(Enumerable.Repeat(" !~az09", 37)).Insert(0, "k")[..255];

        var placed = await Envelope.ReadAsync(await PostAsync(buyer, Order, key.TrimEnd()));

        Assert.Equal(0, placed.Code);
    }

    [Fact]
    public async Task R55_two_Idempotency_Key_headers_are_refused_as_idempotency_key_invalid()
    {
        using var buyer = factory.ClientFor(1000);
        using var request = new HttpRequestMessage(HttpMethod.Post, CreatePath) { Content = OrderPlatformApiFactory.Json(Order) };
        request.Headers.Add("Idempotency-Key", [NewKey(), NewKey()]);

        var refusal = await Envelope.ReadAsync(await buyer.SendAsync(request));

        Assert.Equal("idempotency_key_invalid", refusal.Error);
    }

    [Fact]
    public async Task R55_R9_a_malformed_key_is_refused_with_the_body_before_the_login_and_invalid_json_comes_first()
    {
        using var anonymous = factory.CreateClient();
        using var buyer = factory.ClientFor(1000);

        var withoutLogin = await Envelope.ReadAsync(await PostAsync(anonymous, Order, "bad\u0001key"));
        var brokenBody = await Envelope.ReadAsync(await PostAsync(buyer, "{\"goods_id\":", "bad\u0001key"));

        Assert.Equal((-1, "idempotency_key_invalid"), (withoutLogin.Code, withoutLogin.Error));
        Assert.Equal("invalid_json", brokenBody.Error);
    }

    [Fact]
    public async Task R55_a_refused_request_does_not_use_up_its_key()
    {
        using var buyer = factory.ClientFor(1000);
        var key = NewKey();

        var refused = await Envelope.ReadAsync(await PostAsync(buyer, """{"goods_id":190}""", key));
        var placed = await Envelope.ReadAsync(await PostAsync(buyer, Order, key));

        Assert.Equal("goods_not_found", refused.Error);
        Assert.Equal(0, placed.Code);
    }

    [Fact]
    public async Task R55_the_same_key_sent_many_times_at_once_places_exactly_one_order_and_the_rest_replay_it_or_are_told_it_is_in_use()
    {
        const int Repeats = 12;
        using var buyer = factory.ClientFor(1000);
        var key = NewKey();
        var ordersBefore = await OrdersAsync();

        using var start = new ManualResetEventSlim();
        var sends = Enumerable.Range(0, Repeats).Select(_ => Task.Factory.StartNew(
            async () =>
            {
                start.Wait();
                using var response = await PostAsync(buyer, Order, key);
                return (Envelope: await Envelope.ReadAsync(response), Replayed: response.Headers.Contains("Idempotent-Replayed"));
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToArray();
        start.Set();
        var answers = await Task.WhenAll(sends);

        var placed = Assert.Single(answers, a => a.Envelope.Code == 0 && !a.Replayed);
        var number = placed.Envelope.Data.GetProperty("order_id").GetString();
        Assert.All(answers.Where(a => a.Replayed), a => Assert.Equal(number, a.Envelope.Data.GetProperty("order_id").GetString()));
        Assert.All(answers.Where(a => a.Envelope.Code != 0), a => Assert.Equal("idempotency_key_in_use", a.Envelope.Error));
        Assert.Equal(ordersBefore + 1, await OrdersAsync());
    }

    private static string NewKey() => $"key-{Guid.NewGuid():N}";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CreatePath) { Content = OrderPlatformApiFactory.Json(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private async Task<int> OrdersAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderPlatformDbContext>().Orders.CountAsync();
    }
}
