using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R60: names, phone numbers and street addresses are never logged, neither when an order with them
/// is placed, read, paid and cancelled, nor when a request carrying them is refused at any stage
/// (media type, size, JSON, login, validation, coupon). Nor does a refusal log a stack trace. Both
/// the service's Serilog events and its console output are read, on a host of its own (see
/// <see cref="LogReading"/>).
/// </summary>
[Collection(LogReading.Name)]
public sealed class PersonalDataLoggingTests
{
    private const string Name = "Zyxwvut Qponm";
    private const string Phone = "13912345678";
    private const string Street = "987 Quuxstrasse Lane";

    // The whole values, and the parts a partly masked or split value would still show.
    private static readonly string[] PersonalData = [Name, Phone, Street, "Zyxwvut", "Qponm", "Quuxstrasse"];

    private static readonly string Address =
        $$"""{"name":"{{Name}}","phone":"{{Phone}}","province":"Zhejiang","city":"Hangzhou","country":"Xihu","address_info":"{{Street}}","postcode":"310000"}""";

    [Fact]
    public async Task R60_personal_data_in_placed_read_and_refused_orders_never_reaches_the_log_nor_do_stack_traces()
    {
        using var console = new ConsoleCapture();
        using var factory = new PaymentServiceApiFactory();

        var placed = await factory.PlaceAsync($$"""{"goods_id":188,"address":{{Address}}}""");
        Assert.Equal(Name, placed.Data.GetProperty("order_address").GetProperty("name").GetString());
        var toCancel = await factory.PlaceAsync($$"""{"goods_id":188,"address":{{Address}}}""");

        await AssertRefusedAsync(factory, WithAddressMember("postcode", new string('9', 37)), "invalid_address", "address.postcode");
        await AssertRefusedAsync(factory, WithAddressMember("phone", Phone + " ext. 9"), "invalid_address", "address.phone");
        await AssertRefusedAsync(factory, $$"""{"goods_id":188,"coupon_code":"NO-SUCH-CODE","address":{{Address}}}""", "coupon_not_found", "coupon_code");
        await AssertRefusedAsync(
            factory, $$$"""{"goods_id":188,"address":{"name":["{{{Name}}}"],"phone":"{{{Phone}}}","address_info":"{{{Street}}}"}}""", "invalid_json", "address.name");
        await AssertRefusedAsync(
            factory, $$$"""{"goods_id":188,"address":{"name":"{{{Name}}}","phone":{{{Phone}}},"address_info":"{{{Street}}}"}}""", "invalid_json", "address.phone");
        await AssertRefusedAsync(factory, $$"""{"goods_id":188,"address":{"name":"{{Name}}","phone":"{{Phone}}","address_info":"{{Street}}" """, "invalid_json", null);

        var refusals = new[]
        {
            await PostAsync(factory.CreateClient(), OrderPlatformApiFactory.Json($$"""{"goods_id":188,"address":{{Address}}}""")),
            await PostAsync(factory.ClientFor(1000), new StringContent($"goods_id=188&name={Name}&phone={Phone}&address_info={Street}", Encoding.UTF8, "application/x-www-form-urlencoded")),
            await PostAsync(factory.ClientFor(1000), OrderPlatformApiFactory.Json($$"""{"goods_id":188,"remark":"{{new string('x', 70_000)}}","address":{{Address}}}""")),
        };
        Assert.Equal(
            new (HttpStatusCode, string?)[] { (HttpStatusCode.OK, "not_logged_in"), (HttpStatusCode.OK, "unsupported_media_type"), (HttpStatusCode.RequestEntityTooLarge, "payload_too_large") },
            refusals);

        Assert.Equal(0, (await factory.DetailAsync(placed)).Code);
        Assert.Equal(0, (await factory.DetailAsync("id=" + OrderSession.IdOf(placed))).Code);
        Assert.Equal(0, (await factory.ListAsync()).Code);
        await factory.PayAsync(placed);
        Assert.Equal(0, (await factory.CancelAsync(toCancel)).Code);

        // Every request must have been logged, or the absence of personal data below would prove nothing.
        string[] requestLines =
        [
            "POST /api/order/create responded 200 ok",
            "POST /api/order/create responded 200 invalid_address",
            "POST /api/order/create responded 200 coupon_not_found",
            "POST /api/order/create responded 200 invalid_json",
            "POST /api/order/create responded 200 not_logged_in",
            "POST /api/order/create responded 200 unsupported_media_type",
            "POST /api/order/create responded 413 payload_too_large",
            "GET /api/order/detail responded 200 ok",
            "GET /api/orders responded 200 ok",
            "POST /internal/order/paid responded 200 ok",
            "POST /api/order/cancel responded 200 ok",
        ];
        foreach (var line in requestLines)
        {
            Assert.True(await factory.Logs.WaitForAsync(logged => logged.Contains(line, StringComparison.Ordinal)), "Not in the Serilog events: " + line);
            Assert.True(await console.WaitForAsync(line), "Not on the console: " + line);
        }

        Assert.Contains(factory.Logs.Lines, line => line.Contains("CreateOrderCommand for user 1000 refused with invalid_address at address.postcode", StringComparison.Ordinal));
        Assert.Contains(factory.Logs.Lines, line => line.Contains("CreateOrderCommand for user 1000 refused with invalid_address at address.phone", StringComparison.Ordinal));

        var everything = string.Join('\n', factory.Logs.Lines) + "\n" + console.Text;
        foreach (var personal in PersonalData)
        {
            Assert.False(everything.Contains(personal, StringComparison.Ordinal), $"The log holds personal data ({personal}).");
        }

        Assert.DoesNotContain("   at ", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", everything, StringComparison.Ordinal);
    }

    /// <summary>The new address with one member replaced, so the refusal is for that member and the rest still carries the personal data.</summary>
    private static string WithAddressMember(string member, string value)
    {
        var address = JsonNode.Parse(Address)!.AsObject();
        address[member] = value;
        return $$"""{"goods_id":188,"address":{{address.ToJsonString()}}}""";
    }

    private static async Task AssertRefusedAsync(PaymentServiceApiFactory factory, string body, string error, string? field)
    {
        var refused = await factory.RefuseAsync(body);
        Assert.Equal((error, field), (refused.Error, refused.Field));
    }

    private static async Task<(HttpStatusCode Status, string? Error)> PostAsync(HttpClient client, HttpContent content)
    {
        using (client)
        using (content)
        {
            using var response = await client.PostAsync("/api/order/create", content);
            return (response.StatusCode, (await Envelope.ReadAsync(response)).Error);
        }
    }
}
