using System.Net;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R65: the service key is never logged, whether the caller sent the right one or a wrong one. The
/// service logs through Serilog's process-wide logger, which the most recently started test host
/// owns; this class runs alone, on a host of its own, so that what it reads is its host's log.
/// </summary>
[Collection(LogReading.Name)]
public sealed class ServiceKeyLoggingTests
{
    [Fact]
    public async Task R65_the_service_key_is_never_logged_whether_it_is_right_or_wrong()
    {
        const string WrongKey = "a-wrong-key-that-an-operator-must-not-see-in-logs";
        using var factory = new PaymentServiceApiFactory();
        var placed = await factory.PlaceAsync("""{"goods_id":188}""");
        var body = PaymentServiceApiFactory.PaidBody(OrderSession.NumberOf(placed), "wx-logged", 9900);

        var (refusedStatus, _) = await factory.PostPaidAsync(body, WrongKey);
        var (acceptedStatus, _) = await factory.PostPaidAsync(body);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (refusedStatus, acceptedStatus));
        Assert.Contains(factory.Logs.Lines, line => line.Contains("ConfirmPaymentCommand", StringComparison.Ordinal));
        Assert.True(await factory.Logs.WaitForAsync(line => line.Contains("/internal/order/paid responded 200 ok", StringComparison.Ordinal)));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(PaymentServiceApiFactory.ServiceKey, StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(WrongKey, StringComparison.Ordinal));
    }
}
