using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.Application.Common.Options;

/// <summary>The "Orders" configuration section.</summary>
public sealed class OrderOptions
{
    public const string SectionName = "Orders";

    /// <summary>The seller's share of what is left after promoter rewards (R50).</summary>
    [Range(0, 100)]
    public int SellerPercent { get; set; } = 80;

    /// <summary>ISO 4217 code of all amounts (R36).</summary>
    [Required]
    [RegularExpression("^[A-Za-z]{3}$")]
    public string Currency { get; set; } = "CNY";

    /// <summary>IANA time zone of order numbers (R52).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Minutes a buyer has to pay before the order is closed (R53); 0 turns auto-close off.</summary>
    [Range(0, 525_600)]
    public int AutoCloseMinutes { get; set; } = 30;

    /// <summary>Seconds between two runs of the job that closes overdue orders (R64).</summary>
    [Range(1, 86_400)]
    public int CloseSweepSeconds { get; set; } = 60;

    /// <summary>Hours an idempotency key is kept after the order it placed; the contract promises at least 24 (R55).</summary>
    [Range(24, 8_760)]
    public int IdempotencyKeyHours { get; set; } = 24;

    /// <summary>The most distinct lines in one order (R16).</summary>
    [Range(1, 10_000)]
    public int MaxLines { get; set; } = 100;

    /// <summary>The largest quantity on one line (R15).</summary>
    [Range(1, 1_000_000)]
    public int MaxQuantityPerLine { get; set; } = 9999;
}
