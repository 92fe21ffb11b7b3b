namespace OrderPlatform.Application.Orders;

/// <summary>What an order number sent by a client may look like (R61): 1 to 32 ASCII digits, as the orders.order_id column holds.</summary>
internal static class OrderNumberFormat
{
    private const int MaxLength = 32;

    public static bool IsWellFormed(string? number) =>
        number is { Length: > 0 and <= MaxLength } && number.All(char.IsAsciiDigit);
}
