namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of products; price in minor units; stock used when the product has no SKUs.</summary>
public sealed class ProductRecord
{
    public long Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public long Price { get; set; }

    public long Stock { get; set; }

    /// <summary>The owner and seller (R46).</summary>
    public long SellerId { get; set; }

    /// <summary>1 published; anything else cannot be ordered (R21).</summary>
    public int Status { get; set; }

    /// <summary>A link template holding {order_id} (R54), or null.</summary>
    public string? CustomFormUrl { get; set; }
}
