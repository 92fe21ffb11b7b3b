using System.Globalization;

namespace OrderPlatform.Bench.Floor;

/// <summary>
/// The service's order number (src/Domain/Orders/OrderNumber.cs): local yyyyMMddHHmmss, then the id's
/// last four digits. The time part is formatted once per second, as the floor writes many orders in one.
/// </summary>
internal sealed class OrderNumbers
{
    private long _second = -1;
    private string _prefix = string.Empty;

    public string For(long orderId, long unixSeconds)
    {
        if (unixSeconds != _second)
        {
            var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), ServiceSettings.TimeZone);
            _prefix = local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            _second = unixSeconds;
        }

        return _prefix + (orderId % 10_000).ToString("D4", CultureInfo.InvariantCulture);
    }
}
