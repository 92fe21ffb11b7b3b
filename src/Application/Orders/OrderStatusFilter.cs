using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders;

/// <summary>The list's status names, as AnQiCMS spells them (R62); empty or absent means every status.</summary>
internal static class OrderStatusFilter
{
    public static bool TryParse(string? name, out OrderStatus? status)
    {
        status = name switch
        {
            "waiting" => OrderStatus.PendingPayment,
            "paid" => OrderStatus.Paid,
            "delivery" => OrderStatus.Shipped,
            "finished" => OrderStatus.Completed,
            "refunding" => OrderStatus.Refunding,
            "canceled" => OrderStatus.Cancelled,
            _ => null,
        };
        return status is not null || string.IsNullOrEmpty(name);
    }
}
