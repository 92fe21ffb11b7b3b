namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// A request's log line goes to the logger of the host that served it. Two services in one process
/// (test hosts, or an operator embedding the service) must not write each other's request lines,
/// as they would through Serilog's process-wide logger, which the host built last owns.
/// </summary>
public sealed class RequestLogHostTests
{
    [Fact]
    public async Task R60_the_request_line_is_written_by_the_host_that_served_it_even_when_another_host_started_later()
    {
        using var first = new PaymentServiceApiFactory();
        using var firstBuyer = first.ClientFor(1000);
        using var second = new PaymentServiceApiFactory();
        using var secondBuyer = second.ClientFor(1000);

        using var listed = await firstBuyer.GetAsync("/api/orders?page=1&page_size=3");

        Assert.True(await first.Logs.WaitForAsync(line => line.Contains("GET /api/orders responded 200 ok", StringComparison.Ordinal)));
        Assert.DoesNotContain(second.Logs.Lines, line => line.Contains("GET /api/orders responded", StringComparison.Ordinal));
    }
}
