using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// The service with a payment-service key configured, so POST /internal/order/paid exists (R65),
/// and a clock the test can move forward, so "nothing changed" can be told from "changed within
/// the same second" without waiting.
/// </summary>
public sealed class PaymentServiceApiFactory : OrderPlatformApiFactory
{
    public const string ServiceKey = "payment-service-test-key-of-at-least-32-bytes";

    public MovableClock Clock { get; } = new();

    /// <summary>Everything the service logged.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Posts a confirmation body with the given X-Service-Key header, or none when null.</summary>
    public async Task<(HttpStatusCode Status, Envelope Envelope)> PostPaidAsync(string body, string? key = ServiceKey, string query = "")
    {
        using var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Service-Key", key);
        }

        using var response = await client.PostAsync("/internal/order/paid" + query, Json(body));
        return (response.StatusCode, await Envelope.ReadAsync(response));
    }

    /// <summary>Confirms the order's payment for its own amount, as the payment service would, and checks it was accepted.</summary>
    public async Task<Envelope> PayAsync(Envelope placed, string paymentId = "pay-0001")
    {
        ArgumentNullException.ThrowIfNull(placed);
        var (status, envelope) = await PostPaidAsync(PaidBody(placed.Data.GetProperty("order_id").GetString()!, paymentId, placed.Data.GetProperty("amount").GetInt64()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(envelope.Code == 0, envelope.Root.ToString());
        return envelope;
    }

    public static string PaidBody(string orderNumber, string paymentId, long amount) =>
        $$"""{"order_id":"{{orderNumber}}","payment_id":"{{paymentId}}","amount":{{amount}}}""";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Internal:ServiceKeys:0", ServiceKey);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock).AddSingleton<ILogEventSink>(Logs));
    }
}
