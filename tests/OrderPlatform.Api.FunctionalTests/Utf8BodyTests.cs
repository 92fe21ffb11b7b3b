using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R5: a body whose bytes are not UTF-8 is not JSON (RFC 8259), wherever the bad bytes sit, even in
/// a member the service ignores: invalid_json, and no order.
/// </summary>
public sealed class Utf8BodyTests(OrderPlatformApiFactory factory) : IClassFixture<OrderPlatformApiFactory>
{
    public static TheoryData<string, byte[]> NotUtf8 => new()
    {
        { "a lone continuation byte in an unknown member's name", Bytes("{\"goods_id\":188,\"note", [0x80], "\":1}") },
        { "an invalid byte in an unknown member's value", Bytes("{\"goods_id\":188,\"note\":\"", [0xFF], "\"}") },
        { "a truncated two-byte sequence in the remark", Bytes("{\"goods_id\":188,\"remark\":\"", [0xC3, 0x28], "\"}") },
        { "an overlong encoding of '/'", Bytes("{\"goods_id\":188,\"note\":\"", [0xC0, 0xAF], "\"}") },
        { "an encoded UTF-16 surrogate", Bytes("{\"goods_id\":188,\"note\":\"", [0xED, 0xA0, 0x80], "\"}") },
        { "a byte past U+10FFFF", Bytes("{\"goods_id\":188,\"note\":\"", [0xF4, 0x90, 0x80, 0x80], "\"}") },
        { "Latin-1 text", Bytes("{\"goods_id\":188,\"remark\":\"caf", [0xE9], "\"}") },
    };

    [Theory]
    [MemberData(nameof(NotUtf8))]
    public async Task R5_bytes_that_are_not_utf8_anywhere_in_the_body_are_invalid_json_and_place_nothing(string where, byte[] body)
    {
        var before = await DatabaseState.ReadAsync(factory.Services);
        using var client = factory.ClientFor(1000);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/order/create", content);
        var envelope = await Envelope.ReadAsync(response);

        Assert.True(HttpStatusCode.OK == response.StatusCode, where);
        Assert.Equal((-1, "invalid_json", null), (envelope.Code, envelope.Error, envelope.Field));
        Assert.Equal("The request body is not UTF-8, so it is not JSON", envelope.Msg);
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
    }

    [Fact]
    public async Task R5_valid_multibyte_utf8_in_an_ignored_member_is_still_accepted()
    {
        var placed = await factory.PlaceAsync("""{"goods_id":188,"note":"订单 🚀 ‮ zero​width"}""");

        Assert.Equal(0, placed.Code);
    }

    private static byte[] Bytes(string before, byte[] bad, string after) =>
        [.. Encoding.ASCII.GetBytes(before), .. bad, .. Encoding.ASCII.GetBytes(after)];
}
