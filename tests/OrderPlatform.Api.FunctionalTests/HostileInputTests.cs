using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// Every in-process entry of the hostile-input corpus (HostileInputs/corpus.jsonl), sent as the
/// signed-in buyer unless the entry says otherwise: the exact HTTP status, envelope code, data.error
/// and data.field (R2, R3, R5, section 13), and not a row written (section 13: a refused request
/// writes nothing).
/// </summary>
public sealed class HostileInputTests(OrderPlatformApiFactory factory) : IClassFixture<OrderPlatformApiFactory>
{
    public static TheoryData<string> InProcess => HostileInputCorpus.Names(transfer: false);

    [Theory]
    [MemberData(nameof(InProcess))]
    public async Task A_hostile_request_gets_its_exact_refusal_and_writes_nothing(string name)
    {
        var entry = HostileInputCorpus.Entry(name);
        var before = await StoreSnapshot.ReadAsync(factory.Services);
        using var client = factory.CreateClient();
        using var request = entry.ToRequest(token => HostileTokens.For(factory, token));

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        HostileAnswer.Check(entry, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        Assert.Equal(before, await StoreSnapshot.ReadAsync(factory.Services));
    }
}

/// <summary>
/// The corpus's transfer entries, on a real Kestrel socket: framing the in-memory server cannot
/// carry (bad chunking, bodies short of their Content-Length). The connection stays open until the
/// service answers: a client that hangs up gets no answer by design (R5), so it has no entry here.
/// Besides the answer and the unchanged database, a client's broken transfer must never be logged
/// as an error or with a stack trace (R5), so this reads the log and runs with the other log readers.
/// </summary>
[Collection(LogReading.Name)]
public sealed class HostileInputTransferTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    private const string RequestLogLine = "HTTP POST /api/order/create responded";

    public static TheoryData<string> OnTheWire => HostileInputCorpus.Names(transfer: true);

    [Theory]
    [MemberData(nameof(OnTheWire))]
    public async Task A_hostile_transfer_gets_its_exact_refusal_writes_nothing_and_logs_no_error(string name)
    {
        var entry = HostileInputCorpus.Entry(name);
        var before = await StoreSnapshot.ReadAsync(factory.Services);
        var logged = factory.Logs.Lines.Count;
        using var socket = await factory.ConnectAsync();

        await socket.SendAsync(entry.ToWire(token => HostileTokens.For(factory, token), $"127.0.0.1:{factory.Address.Port}"), SocketFlags.None);
        var (status, mediaType, body) = RawHttp.Parse(await RawHttp.ReadToCloseAsync(socket));

        HostileAnswer.Check(entry, status, mediaType, body);
        Assert.Equal(before, await StoreSnapshot.ReadAsync(factory.Services));
        // The request's own log line is written once the answer has gone out; the lines before this request are other entries'.
        Assert.True(await factory.Logs.WaitForAsync(_ => NewLines().Any(line => line.Contains(RequestLogLine, StringComparison.Ordinal))), "The request was never logged.");
        var lines = NewLines().ToList();
        Assert.False(
            lines.Exists(line => line.StartsWith("[Error]", StringComparison.Ordinal) || line.StartsWith("[Fatal]", StringComparison.Ordinal) || line.Contains("   at ", StringComparison.Ordinal)),
            "Logged as an error or with a stack trace:\n" + string.Join('\n', lines));

        IEnumerable<string> NewLines() => factory.Logs.Lines.Skip(logged);
    }
}

/// <summary>The tokens an entry's placeholders name: {{token}} the buyer's, {{token:N}} user N's, {{expired_token}} the buyer's of an hour ago.</summary>
internal static class HostileTokens
{
    public static string For(OrderPlatformApiFactory factory, string placeholder) => placeholder switch
    {
        "token" => factory.TokenFor(1000),
        "expired_token" => factory.TokenFor(1000, TimeSpan.FromHours(-1)),
        _ => factory.TokenFor(long.Parse(placeholder["token:".Length..], NumberStyles.None, CultureInfo.InvariantCulture)),
    };
}

/// <summary>Checks an answer against its corpus entry: status, the {code,msg,data} envelope, data.error and data.field.</summary>
internal static class HostileAnswer
{
    public static void Check(HostileInput entry, int status, string? mediaType, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var expected = (entry.Status, entry.Code, entry.Error, entry.Field);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            Assert.Fail($"Expected {expected}; got HTTP {status} with a body that is not JSON: {text}");
            return;
        }

        Assert.True(root.ValueKind == JsonValueKind.Object, $"The answer is not an object: {text}");
        var data = root.TryGetProperty("data", out var d) ? d : default;
        var actual = (
            status,
            root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : int.MinValue,
            data.ValueKind == JsonValueKind.Object && data.TryGetProperty("error", out var error) ? error.GetString() : "(no data.error)",
            data.ValueKind == JsonValueKind.Object && data.TryGetProperty("field", out var field) && field.ValueKind is JsonValueKind.String or JsonValueKind.Null
                ? field.GetString()
                : "(no data.field)");
        Assert.True(expected == actual, $"Expected {expected}; got {actual}: {text}");

        Assert.Equal("application/json", mediaType);
        Assert.Equal(["code", "data", "msg"], root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(data.GetProperty("field").ValueKind is JsonValueKind.String or JsonValueKind.Null, text);
        var msg = root.GetProperty("msg");
        Assert.True(msg.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(msg.GetString()), $"msg must be a sentence: {text}");
        if (entry.Msg is not null)
        {
            Assert.Equal(entry.Msg, msg.GetString());
        }
    }
}

/// <summary>
/// What a refused request must leave as it was: <see cref="DatabaseState"/>'s counts and sums, and the
/// rows behind them, so that an address updated in place (R29) or stock moved between products
/// shows as well.
/// </summary>
internal sealed record StoreSnapshot(DatabaseState Counts, string Rows)
{
    public static async Task<StoreSnapshot> ReadAsync(IServiceProvider services)
    {
        var counts = await DatabaseState.ReadAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderPlatformDbContext>();
        var rows = new List<string>();
        rows.AddRange((await db.Products.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Stock }).ToListAsync())
            .Select(p => FormattableString.Invariant($"product {p.Id}: stock {p.Stock}")));
        rows.AddRange((await db.ProductSkus.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Stock }).ToListAsync())
            .Select(s => FormattableString.Invariant($"sku {s.Id}: stock {s.Stock}")));
        rows.AddRange((await db.CouponCodes.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.UsedCount }).ToListAsync())
            .Select(c => FormattableString.Invariant($"coupon code {c.Id}: used {c.UsedCount}")));
        rows.AddRange((await db.Addresses.AsNoTracking().OrderBy(a => a.Id).ToListAsync())
            .Select(a => FormattableString.Invariant(
                $"address {a.Id}: {a.UserId}|{a.Name}|{a.Phone}|{a.Province}|{a.City}|{a.Country}|{a.AddressInfo}|{a.Postcode}|{a.UpdatedTime}")));
        rows.AddRange((await db.CartItems.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
            .Select(c => FormattableString.Invariant($"cart item {c.Id}: {c.UserId}|{c.GoodsId}|{c.SkuId}|{c.Quantity}|{c.Status}")));
        rows.AddRange((await db.BuyerOrderCounts.AsNoTracking().OrderBy(c => c.UserId).ThenBy(c => c.Status).ToListAsync())
            .Select(c => FormattableString.Invariant($"buyer {c.UserId} status {c.Status}: {c.Orders} orders")));
        rows.AddRange((await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.GroupId }).ToListAsync())
            .Select(u => FormattableString.Invariant($"user {u.Id}: group {u.GroupId}")));
        return new StoreSnapshot(counts, string.Join('\n', rows));
    }
}

/// <summary>An HTTP/1.1 answer read off a raw socket.</summary>
internal static class RawHttp
{
    /// <summary>Every byte the service sends until it closes or resets the connection.</summary>
    public static async Task<byte[]> ReadToCloseAsync(Socket socket)
    {
        using var received = new MemoryStream();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
            // A connection reset after an answer is how Kestrel ends a request it could not finish reading; the answer still counts.
        }

        return received.ToArray();
    }

    /// <summary>The status, the media type and the body (de-chunked) of the first answer in <paramref name="response"/>.</summary>
    public static (int Status, string? MediaType, byte[] Body) Parse(byte[] response)
    {
        var end = response.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(end > 0, "No HTTP answer came back: " + Encoding.ASCII.GetString(response));
        var head = Encoding.ASCII.GetString(response, 0, end).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], NumberStyles.None, CultureInfo.InvariantCulture);
        var headers = head.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToLookup(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = response.AsSpan(end + 4);
        var mediaType = headers["Content-Type"].FirstOrDefault()?.Split(';')[0].Trim();
        if (headers["Transfer-Encoding"].Any(value => value.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            return (status, mediaType, Dechunk(body));
        }

        var length = headers["Content-Length"].Select(value => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)).FirstOrDefault(body.Length);
        return (status, mediaType, body[..length].ToArray());
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> chunked)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var line = chunked.IndexOf("\r\n"u8);
            var size = int.Parse(Encoding.ASCII.GetString(chunked[..line]).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return body.ToArray();
            }

            body.Write(chunked.Slice(line + 2, size));
            chunked = chunked[(line + 2 + size + 2)..];
        }
    }
}
