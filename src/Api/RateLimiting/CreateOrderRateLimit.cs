using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Localization;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Security;

namespace OrderPlatform.Api.RateLimiting;

/// <summary>
/// R56: order creation is limited per caller with ASP.NET Core's rate limiter: a fixed one-minute
/// window of RateLimits:CreateOrderPerMinute attempts for each signed-in user, and for each remote
/// address when no valid token came. A refused call gets HTTP 429, the envelope with rate_limited,
/// and Retry-After in whole seconds.
/// </summary>
/// <remarks>
/// The counts live in this process's memory, so N instances behind a load balancer let a user
/// through up to N times the limit. A shared limit needs a shared counter (a Redis fixed window,
/// say) behind a <see cref="PartitionedRateLimiter{TResource}"/>: it would replace
/// <see cref="PartitionFor"/>'s limiter here, and nothing else changes.
/// </remarks>
internal static class CreateOrderRateLimit
{
    public const string PolicyName = "create-order";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddCreateOrderRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, PartitionFor);
            limiter.OnRejected = RefuseAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> PartitionFor(HttpContext context)
    {
        var perMinute = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.CreateOrderPerMinute;
        var caller = context.RequestServices.GetRequiredService<ICurrentUser>().UserId is { } userId
            ? "user:" + userId.ToString(CultureInfo.InvariantCulture)
            : "address:" + context.Connection.RemoteIpAddress;
        return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await EnvelopeResults.Failure(Error.Of(ErrorCode.RateLimited), RequestLanguage.Of(http.Request)).ExecuteAsync(http);
    }
}
