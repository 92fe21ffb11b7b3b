namespace OrderPlatform.Bench.Floor;

/// <summary>The service's settings that shape an order row: the Orders section of src/Api/appsettings.json, and the seed's seller.</summary>
internal static class ServiceSettings
{
    public const string Currency = "CNY";

    public const int SellerPercent = 80;

    public const long SellerId = 15;

    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>AutoCloseMinutes: the payment deadline (end_time) is this long after the order is placed.</summary>
    public static TimeSpan PaymentWindow { get; } = TimeSpan.FromMinutes(30);
}
