using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// R56: order creation is limited per caller and minute: per signed-in user, and per remote address
/// for callers without a valid token. Past the limit: HTTP 429, the envelope with rate_limited,
/// Retry-After, and nothing written. One caller's limit is not another's.
/// </summary>
public sealed class RateLimitTests
{
    private const string Order = """{"goods_id":188}""";

    [Fact]
    public async Task R56_past_its_limit_a_user_gets_429_rate_limited_with_retry_after_and_nothing_is_written()
    {
        using var factory = new RateLimitedApiFactory();
        using var buyer = factory.ClientFor(1000);
        for (var i = 0; i < RateLimitedApiFactory.PerMinute; i++)
        {
            using var placed = await buyer.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Order));
            Assert.Equal(0, (await Envelope.ReadAsync(placed)).Code);
        }

        var before = await DatabaseState.ReadAsync(factory.Services);
        using var refused = await buyer.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Order));
        var envelope = await Envelope.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal((-1, "rate_limited"), (envelope.Code, envelope.Error));
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(before, await DatabaseState.ReadAsync(factory.Services));
    }

    [Fact]
    public async Task R56_one_users_limit_is_not_anothers_and_reads_are_not_limited()
    {
        using var factory = new RateLimitedApiFactory();
        using var first = factory.ClientFor(1000);
        using var second = factory.ClientFor(2001);
        for (var i = 0; i <= RateLimitedApiFactory.PerMinute; i++)
        {
            using var _ = await first.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Order));
        }

        using var otherUser = await second.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Order));
        using var firstUsersList = await first.GetAsync("/api/orders");

        Assert.Equal(0, (await Envelope.ReadAsync(otherUser)).Code);
        Assert.Equal(HttpStatusCode.OK, firstUsersList.StatusCode);
        Assert.Equal(0, (await Envelope.ReadAsync(firstUsersList)).Code);
    }

    [Fact]
    public async Task R56_callers_without_a_valid_token_are_limited_by_address_apart_from_signed_in_users()
    {
        using var factory = new RateLimitedApiFactory();
        using var anonymous = factory.CreateClient();
        using var buyer = factory.ClientFor(1000);
        for (var i = 0; i < RateLimitedApiFactory.PerMinute; i++)
        {
            using var notLoggedIn = await anonymous.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Order));
            Assert.Equal(1001, (await Envelope.ReadAsync(notLoggedIn)).Code);
        }

        using var limited = await anonymous.PostAsync("/api/order/create?lang=zh-CN", OrderPlatformApiFactory.Json(Order));
        using var signedIn = await buyer.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Order));
        var refusal = await Envelope.ReadAsync(limited);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate_limited", refusal.Error);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refusal.Msg);
        Assert.Equal(0, (await Envelope.ReadAsync(signedIn)).Code);
    }

    /// <summary>The service with a limit small enough to reach in a test.</summary>
    private sealed class RateLimitedApiFactory : OrderPlatformApiFactory
    {
        public const int PerMinute = 3;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:CreateOrderPerMinute", PerMinute.ToString(CultureInfo.InvariantCulture));
        }
    }
}
