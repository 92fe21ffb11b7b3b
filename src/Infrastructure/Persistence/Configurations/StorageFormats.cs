using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

/// <summary>How domain values are stored: times as unix seconds and order types by name (as AnQiCMS stores them), snapshots as JSON text.</summary>
internal static class StorageFormats
{
    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static readonly ValueConverter<DateTimeOffset, long> UnixSeconds = new(
        time => time.ToUnixTimeSeconds(),
        seconds => DateTimeOffset.FromUnixTimeSeconds(seconds));

    public static readonly ValueConverter<OrderType, string> OrderTypeNames = new(
        type => NameOf(type),
        name => TypeNamed(name));

    public static readonly ValueConverter<IReadOnlyList<SkuOptionValue>, string> OptionValuesJson = new(
        values => JsonSerializer.Serialize(values, SnapshotJson),
        json => JsonSerializer.Deserialize<List<SkuOptionValue>>(json, SnapshotJson) ?? new List<SkuOptionValue>());

    /// <summary>
    /// A line's stored option values, as <see cref="OptionValuesJson"/> writes them, read straight into
    /// the API's sku_values (R25) for the read side: the two share their members' names, which is also
    /// how the Application's mapping goes from one to the other.
    /// </summary>
    public static IReadOnlyList<SkuValueDto> SkuValuesOf(string json) => JsonSerializer.Deserialize<List<SkuValueDto>>(json, SnapshotJson) ?? [];

    public static readonly ValueComparer<IReadOnlyList<SkuOptionValue>> OptionValuesComparer = new(
        (left, right) => left!.SequenceEqual(right!),
        values => values.Aggregate(0, (hash, value) => HashCode.Combine(hash, value)),
        values => values.ToList());

    private static string NameOf(OrderType type) => type switch
    {
        OrderType.Goods => "goods",
        OrderType.Vip => "vip",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "An order type without a stored name."),
    };

    private static OrderType TypeNamed(string name) => name switch
    {
        "goods" => OrderType.Goods,
        "vip" => OrderType.Vip,
        _ => throw new InvalidOperationException($"The stored order type '{name}' is unknown."),
    };
}
