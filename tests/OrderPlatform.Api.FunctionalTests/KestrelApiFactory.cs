using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// The service on a real Kestrel socket at 127.0.0.1, for what the in-memory test server cannot
/// show: bytes on the wire that break HTTP framing, and clients that hang up. Its log is captured.
/// </summary>
public sealed class KestrelApiFactory : OrderPlatformApiFactory
{
    /// <summary>How long a request body may stall before Kestrel gives up on it; 5 s by default, shortened so a test need not wait.</summary>
    public static readonly TimeSpan BodyGracePeriod = TimeSpan.FromSeconds(2);

    public KestrelApiFactory()
    {
        UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: BodyGracePeriod);
        });
        StartServer();
    }

    public LogCapture Logs { get; } = new();

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A connected socket to the service.</summary>
    public async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10_000 };
        await socket.ConnectAsync("127.0.0.1", Address.Port);
        return socket;
    }

    /// <summary>Everything the service sends back until it closes or resets the connection, as text.</summary>
    public static async Task<string> ReadToCloseAsync(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
            {
                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
            // The service may reset a connection whose request it could not finish reading; what came before still counts.
        }

        return received.ToString();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }
}
