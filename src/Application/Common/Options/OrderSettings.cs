using Microsoft.Extensions.Options;
using OrderPlatform.Domain.Common;

namespace OrderPlatform.Application.Common.Options;

/// <summary>
/// The "Orders" and "Retailer" settings in the form orders use them, resolved once at start: the
/// currency and time zone are looked up here, not on every request.
/// </summary>
internal sealed class OrderSettings
{
    public OrderSettings(IOptions<OrderOptions> orders, IOptions<RetailerOptions> retailer)
    {
        var options = orders.Value;
        Currency = Currency.Of(options.Currency);
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        PaymentWindow = options.AutoCloseMinutes > 0 ? TimeSpan.FromMinutes(options.AutoCloseMinutes) : null;
        SweepInterval = TimeSpan.FromSeconds(options.CloseSweepSeconds);
        IdempotencyKeyRetention = TimeSpan.FromHours(options.IdempotencyKeyHours);
        MaxLines = options.MaxLines;
        MaxQuantityPerLine = options.MaxQuantityPerLine;
        SellerPercent = options.SellerPercent;
        Retailer = retailer.Value;
    }

    public Currency Currency { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>How long a buyer has to pay (R53); null when auto-close is off.</summary>
    public TimeSpan? PaymentWindow { get; }

    /// <summary>How often the scheduled sweeps run (R64).</summary>
    public TimeSpan SweepInterval { get; }

    /// <summary>How long an idempotency key is kept (R55).</summary>
    public TimeSpan IdempotencyKeyRetention { get; }

    public int MaxLines { get; }

    public int MaxQuantityPerLine { get; }

    public int SellerPercent { get; }

    public RetailerOptions Retailer { get; }
}
