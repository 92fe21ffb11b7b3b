namespace OrderPlatform.Domain.Orders;

/// <summary>What is being bought: products, or a VIP membership (R17, R44).</summary>
public enum OrderType
{
    Goods,
    Vip,
}
