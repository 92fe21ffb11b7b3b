using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.Orders;

/// <summary>One product (and SKU) of an order with its snapshot and amounts (R25, R33). Created and changed only by <see cref="Order"/>.</summary>
public sealed class OrderLine
{
    private string _currency = string.Empty;
    private string _productTitle = string.Empty;
    private string _skuTitle = string.Empty;
    private IReadOnlyList<SkuOptionValue> _optionValues = [];
    private long _unitPrice;
    private long _originPrice;
    private long _amount;
    private long _originAmount;
    private long _discountAmount;

    private OrderLine()
    {
    }

    private OrderLine(OrderLineDraft draft)
    {
        GoodsId = draft.GoodsId;
        SkuId = draft.SkuId;
        _currency = draft.UnitPrice.Currency.Code;
        _productTitle = draft.Snapshot.ProductTitle;
        _skuTitle = draft.Snapshot.SkuTitle;
        _optionValues = draft.Snapshot.OptionValues;
        _unitPrice = draft.UnitPrice.MinorUnits;
        _originPrice = draft.OriginPrice.MinorUnits;
    }

    public long Id { get; private set; }

    public long GoodsId { get; private set; }

    public long? SkuId { get; private set; }

    public int Quantity { get; private set; }

    public LineSnapshot Snapshot => LineSnapshot.Restore(_productTitle, _skuTitle, _optionValues);

    public Currency Currency => Currency.Of(_currency);

    public Money UnitPrice => Money.Of(_unitPrice, Currency);

    public Money OriginPrice => Money.Of(_originPrice, Currency);

    /// <summary>Unit price x quantity (R33).</summary>
    public Money Amount => Money.Of(_amount, Currency);

    /// <summary>Origin price x quantity (R33).</summary>
    public Money OriginAmount => Money.Of(_originAmount, Currency);

    /// <summary>This line's part of the order's coupon discount (R39); 0 without a coupon.</summary>
    public Money DiscountAmount => Money.Of(_discountAmount, Currency);

    internal static OrderLine From(OrderLineDraft draft)
    {
        var line = new OrderLine(draft);
        line.AddQuantity(draft.Quantity);
        return line;
    }

    internal void TakeDiscount(Money part) => _discountAmount = part.MinorUnits;

    internal bool IsFor(long goodsId, long? skuId) => GoodsId == goodsId && SkuId == skuId;

    /// <summary>Adds units to the line (R16 merges repeated lines); throws <see cref="OverflowException"/> past 64 bits.</summary>
    internal void AddQuantity(int quantity)
    {
        if (quantity <= 0)
        {
            throw new DomainException($"A quantity must be positive ({quantity}).");
        }

        Quantity = checked(Quantity + quantity);
        _amount = UnitPrice.Times(Quantity).MinorUnits;
        _originAmount = OriginPrice.Times(Quantity).MinorUnits;
    }
}
