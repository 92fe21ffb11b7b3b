using System.Globalization;

namespace OrderPlatform.Domain.Orders;

/// <summary>
/// The AnQiCMS order number (R52): local time yyyyMMddHHmmss plus the last four digits of the
/// id, zero-padded, 18 digits in all. Example: id 46 at 22:09:08 China time on 2022-11-23 gives
/// 202211232209080046.
/// </summary>
public static class OrderNumber
{
    public static string For(OrderId id, DateTimeOffset placedAt, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = TimeZoneInfo.ConvertTime(placedAt, timeZone);
        var suffix = (id.Value % 10_000).ToString("D4", CultureInfo.InvariantCulture);
        return local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + suffix;
    }
}
