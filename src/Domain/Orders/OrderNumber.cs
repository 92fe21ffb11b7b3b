using System.Globalization;

namespace OrderPlatform.Domain.Orders;

/// <summary>
/// The AnQiCMS order number (R52): local time yyyyMMddHHmmss plus the last four digits of the
/// id, zero-padded, 18 digits in all. Example: id 46 at 22:09:08 China time on 2022-11-23 gives
/// 202211232209080046.
/// </summary>
public static class OrderNumber
{
    /// <summary>How many orders placed in one second can have numbers of their own: the ids' last four digits.</summary>
    public const int PerSecond = 10_000;

    /// <summary>The part of the number the id gives: its last four digits.</summary>
    public static int SuffixOf(OrderId id) => (int)(id.Value % PerSecond);

    public static string For(OrderId id, DateTimeOffset placedAt, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = TimeZoneInfo.ConvertTime(placedAt, timeZone);
        var suffix = SuffixOf(id).ToString("D4", CultureInfo.InvariantCulture);
        return local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + suffix;
    }
}
