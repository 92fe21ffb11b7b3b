using System.Net.Sockets;
using System.Text;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// A transfer the client breaks is the client's fault, not the server's. Bad chunking, and a body
/// that stalls short of its Content-Length, get HTTP 400 with invalid_json and a warning; a client
/// that hangs up mid-body gets no answer and an information line. Never an error or a stack trace
/// in the log, and never an order.
/// </summary>
[Collection(LogReading.Name)]
public sealed class BrokenTransferTests
{
    private const string Body = """{"goods_id":188,"quantity":1}""";

    [Fact]
    public async Task R5_a_bad_chunk_size_is_http_400_invalid_json_logged_as_a_warning()
    {
        using var factory = new KestrelApiFactory();
        using var socket = await factory.ConnectAsync();

        await SendAsync(socket, Head(factory, "Transfer-Encoding: chunked") + "ZZ\r\n" + Body + "\r\n0\r\n\r\n");
        var response = await KestrelApiFactory.ReadToCloseAsync(socket);

        AssertRefusedAsBrokenTransfer(response);
        await AssertLoggedAsAWarningAsync(factory);
    }

    [Fact]
    public async Task R5_a_body_that_stalls_short_of_its_content_length_is_http_400_invalid_json_logged_as_a_warning()
    {
        using var factory = new KestrelApiFactory();
        using var socket = await factory.ConnectAsync();

        // The connection stays open: Kestrel gives up on the body after its grace period.
        await SendAsync(socket, Head(factory, "Content-Length: 100") + Body);
        var response = await KestrelApiFactory.ReadToCloseAsync(socket);

        AssertRefusedAsBrokenTransfer(response);
        await AssertLoggedAsAWarningAsync(factory);
    }

    [Fact]
    public async Task R5_a_client_that_hangs_up_mid_body_gets_no_answer_and_no_error_is_logged()
    {
        using var factory = new KestrelApiFactory();
        using (var socket = await factory.ConnectAsync())
        {
            await SendAsync(socket, Head(factory, "Content-Length: 100") + Body);
        }

        Assert.True(await factory.Logs.WaitForAsync(line => line.StartsWith("[Information]", StringComparison.Ordinal) && line.Contains("went away", StringComparison.Ordinal)));
        Assert.True(await factory.Logs.WaitForAsync(line => line.Contains("responded 499 invalid_json", StringComparison.Ordinal)));
        AssertNoErrorLogged(factory);
        Assert.Equal(0, (await DatabaseState.ReadAsync(factory.Services)).Orders);
    }

    private static string Head(KestrelApiFactory factory, string framing) =>
        "POST /api/order/create HTTP/1.1\r\n"
        + $"Host: 127.0.0.1:{factory.Address.Port}\r\n"
        + $"token: {factory.TokenFor(1000)}\r\n"
        + "Content-Type: application/json\r\n"
        + framing + "\r\n\r\n";

    private static async Task SendAsync(Socket socket, string text) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), SocketFlags.None);

    private static void AssertRefusedAsBrokenTransfer(string response)
    {
        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        Assert.Contains("\"code\":-1", response, StringComparison.Ordinal);
        Assert.Contains("\"error\":\"invalid_json\"", response, StringComparison.Ordinal);
    }

    private static async Task AssertLoggedAsAWarningAsync(KestrelApiFactory factory)
    {
        Assert.True(await factory.Logs.WaitForAsync(line => line.Contains("responded 400 invalid_json", StringComparison.Ordinal)));
        Assert.Contains(factory.Logs.Lines, line => line.StartsWith("[Warning]", StringComparison.Ordinal) && line.Contains("broke the body", StringComparison.Ordinal));
        AssertNoErrorLogged(factory);
        Assert.Equal(0, (await DatabaseState.ReadAsync(factory.Services)).Orders);
    }

    private static void AssertNoErrorLogged(KestrelApiFactory factory)
    {
        Assert.DoesNotContain(factory.Logs.Lines, line => line.StartsWith("[Error]", StringComparison.Ordinal) || line.StartsWith("[Fatal]", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains("   at ", StringComparison.Ordinal));
    }
}
