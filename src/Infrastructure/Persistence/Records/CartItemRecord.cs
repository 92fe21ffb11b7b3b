namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of cart_items: something a buyer put in the cart.</summary>
public sealed class CartItemRecord
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public long GoodsId { get; set; }

    /// <summary>0 for a product without SKUs.</summary>
    public long SkuId { get; set; }

    public int Quantity { get; set; }

    /// <summary>1 active; anything else cannot be ordered (R41).</summary>
    public int Status { get; set; }

    public long CreatedTime { get; set; }
}
