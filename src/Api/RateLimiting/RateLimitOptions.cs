using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.Api.RateLimiting;

/// <summary>The "RateLimits" configuration section (R56).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>How many orders one caller may try to create per minute, in one service process.</summary>
    [Range(1, 1_000_000_000)]
    public int CreateOrderPerMinute { get; set; } = 30;
}
