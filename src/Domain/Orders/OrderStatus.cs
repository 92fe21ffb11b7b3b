namespace OrderPlatform.Domain.Orders;

/// <summary>Order status codes as AnQiCMS defines them.</summary>
public enum OrderStatus
{
    Cancelled = -1,
    PendingPayment = 0,
    Paid = 1,
    Shipped = 2,
    Completed = 3,
    Refunding = 8,
    Refunded = 9,
}
