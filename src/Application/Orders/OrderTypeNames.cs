using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders;

/// <summary>The API's names for order types (R17): absent or "" means goods.</summary>
public static class OrderTypeNames
{
    public const string Goods = "goods";
    public const string Vip = "vip";

    public static string NameOf(OrderType type) => type switch
    {
        OrderType.Goods => Goods,
        OrderType.Vip => Vip,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown order type."),
    };

    /// <summary>The type of a validated request; an unknown name here is a bug, the validator refuses it first.</summary>
    public static OrderType Parse(string? name) =>
        TryParse(name, out var type) ? type : throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown order type.");

    public static bool TryParse(string? name, out OrderType type)
    {
        switch (name)
        {
            case null or "" or Goods:
                type = OrderType.Goods;
                return true;
            case Vip:
                type = OrderType.Vip;
                return true;
            default:
                type = default;
                return false;
        }
    }
}
