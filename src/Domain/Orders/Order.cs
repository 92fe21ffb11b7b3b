using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.Orders;

/// <summary>
/// A buyer's order, pending payment when placed. The only way to create one is
/// <see cref="Place"/>, and lines join it only through the order, which keeps the totals and
/// earnings consistent with them (R16, R33-R36, R46-R53).
/// </summary>
public sealed class Order
{
    /// <summary>No order may ask for more than 10^12 minor units (R35).</summary>
    public const long MaxAmountMinorUnits = 1_000_000_000_000;

    private readonly List<OrderLine> _lines = [];
    private string _currency = string.Empty;
    private long _originAmount;
    private long _discountAmount;
    private long _amount;
    private long _sellerAmount;
    private long _shareAmount;
    private long _shareParentAmount;
    private int _sellerPercent;
    private int _sharePercent;
    private int _shareParentPercent;

    private Order()
    {
    }

    public OrderId Id { get; private set; }

    /// <summary>The order number shown to people (R52).</summary>
    public string Number { get; private set; } = string.Empty;

    public long BuyerId { get; private set; }

    public OrderType Type { get; private set; }

    public OrderStatus Status { get; private set; }

    public string Remark { get; private set; } = string.Empty;

    public long SellerId { get; private set; }

    public long ShareUserId { get; private set; }

    public long ShareParentUserId { get; private set; }

    public long? CouponId { get; private set; }

    public long? CouponCodeId { get; private set; }

    public long? AddressId { get; private set; }

    /// <summary>The order's own copy of the shipping address (R31), or null when none was given.</summary>
    public Address? ShippingAddress { get; private set; }

    public string? CustomFormUrl { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When an unpaid order is closed (R53); null when auto-close is off.</summary>
    public DateTimeOffset? PaymentDeadline { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public Currency Currency => Currency.Of(_currency);

    public Money OriginAmount => Money.Of(_originAmount, Currency);

    /// <summary>The sum of the line amounts, before the coupon discount.</summary>
    public Money GoodsAmount => Money.Of(_lines.Sum(l => l.Amount.MinorUnits), Currency);

    public Money DiscountAmount => Money.Of(_discountAmount, Currency);

    /// <summary>What the buyer pays (R34).</summary>
    public Money Amount => Money.Of(_amount, Currency);

    public Money SellerAmount => Money.Of(_sellerAmount, Currency);

    public Money ShareAmount => Money.Of(_shareAmount, Currency);

    public Money ShareParentAmount => Money.Of(_shareParentAmount, Currency);

    /// <summary>
    /// Places a pending-payment order with the given lines. Repeated (goods, SKU) lines are merged;
    /// lines from different sellers, too many lines, or amounts past the limit are refused.
    /// </summary>
    public static DomainResult<Order> Place(OrderPlacement placement, IReadOnlyCollection<OrderLineDraft> lines)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new DomainException("An order needs at least one line.");
        }

        var order = new Order
        {
            Id = placement.Id,
            Number = OrderNumber.For(placement.Id, placement.PlacedAt, placement.TimeZone),
            BuyerId = placement.BuyerId,
            Type = placement.Type,
            Status = OrderStatus.PendingPayment,
            SellerId = lines.First().SellerId,
            ShareUserId = placement.Earnings.Promoter?.UserId ?? 0,
            ShareParentUserId = placement.Earnings.PromoterParent?.UserId ?? 0,
            AddressId = placement.ShipTo?.AddressId,
            ShippingAddress = placement.ShipTo?.Address,
            CreatedAt = placement.PlacedAt,
            UpdatedAt = placement.PlacedAt,
            PaymentDeadline = placement.PaymentWindow is { } window ? placement.PlacedAt + window : null,
            _currency = placement.Currency.Code,
            _sellerPercent = placement.Earnings.SellerPercent,
            _sharePercent = placement.Earnings.Promoter?.RewardPercent ?? 0,
            _shareParentPercent = placement.Earnings.PromoterParent?.RewardPercent ?? 0,
        };

        try
        {
            foreach (var line in lines)
            {
                if (order.AddLine(line) is { } refused)
                {
                    return refused;
                }
            }

            if (order._lines.Count > placement.MaxLines)
            {
                return new DomainError(DomainErrorCode.TooManyItems);
            }

            if (order._lines.Exists(l => l.Quantity > placement.MaxQuantityPerLine))
            {
                return new DomainError(DomainErrorCode.InvalidQuantity);
            }

            if (placement.Coupon is { } coupon && order.ApplyCoupon(coupon) is { } notApplicable)
            {
                return notApplicable;
            }

            order.Recalculate();
        }
        catch (OverflowException)
        {
            return new DomainError(DomainErrorCode.AmountTooLarge);
        }

        if (order._originAmount > MaxAmountMinorUnits || order.GoodsAmount.MinorUnits > MaxAmountMinorUnits)
        {
            return new DomainError(DomainErrorCode.AmountTooLarge);
        }

        order.Remark = DefaultRemark(placement, order._lines);
        var template = lines.Select(l => l.CustomFormUrlTemplate).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        order.CustomFormUrl = template?.Replace("{order_id}", order.Number, StringComparison.Ordinal);
        return order;
    }

    private DomainError? AddLine(OrderLineDraft draft)
    {
        if (draft.Quantity <= 0)
        {
            return new DomainError(DomainErrorCode.InvalidQuantity);
        }

        if (draft.SellerId != SellerId)
        {
            return new DomainError(DomainErrorCode.CrossStore);
        }

        if (draft.UnitPrice.Currency != Currency || draft.OriginPrice.Currency != Currency)
        {
            throw new DomainException($"A {draft.UnitPrice.Currency} line cannot join a {Currency} order.");
        }

        var existing = _lines.Find(l => l.IsFor(draft.GoodsId, draft.SkuId));
        if (existing is null)
        {
            _lines.Add(OrderLine.From(draft));
        }
        else
        {
            existing.AddQuantity(draft.Quantity);
        }

        return null;
    }

    /// <summary>Takes the coupon's discount off the lines it covers (R38's last checks, R39).</summary>
    private DomainError? ApplyCoupon(CouponTerms coupon)
    {
        var eligible = _lines.Where(l => coupon.Covers(l.GoodsId)).ToList();
        var subtotal = eligible.Aggregate(Money.Zero(Currency), (sum, line) => sum.Plus(line.Amount));
        if (Type != OrderType.Goods || subtotal.MinorUnits == 0)
        {
            return new DomainError(DomainErrorCode.CouponNotApplicable);
        }

        if (subtotal.MinorUnits < coupon.MinimumSpend)
        {
            return new DomainError(DomainErrorCode.CouponMinSpendNotMet);
        }

        var discount = coupon.Kind switch
        {
            CouponKind.FixedAmount => Math.Min(coupon.Value, subtotal.MinorUnits),
            CouponKind.Percent => CappedPercent(subtotal, coupon),
            _ => throw new DomainException($"Unknown coupon kind {coupon.Kind}."),
        };

        var parts = DiscountSpread.Split(discount, eligible.ConvertAll(l => l.Amount.MinorUnits));
        for (var i = 0; i < eligible.Count; i++)
        {
            eligible[i].TakeDiscount(Money.Of(parts[i], Currency));
        }

        CouponId = coupon.CouponId;
        CouponCodeId = coupon.CouponCodeId;
        _discountAmount = discount;
        return null;
    }

    private static long CappedPercent(Money subtotal, CouponTerms coupon)
    {
        var percent = (int)Math.Clamp(coupon.Value, 0, 100);
        var discount = subtotal.Percent(percent).MinorUnits;
        return coupon.MaxDiscount > 0 ? Math.Min(discount, coupon.MaxDiscount) : discount;
    }

    private void Recalculate()
    {
        var zero = Money.Zero(Currency);
        var origin = _lines.Aggregate(zero, (sum, line) => sum.Plus(line.OriginAmount));
        var goods = _lines.Aggregate(zero, (sum, line) => sum.Plus(line.Amount));
        var amount = goods.MinusFloorZero(DiscountAmount);
        var share = amount.Percent(_sharePercent);
        var shareParent = amount.Percent(_shareParentPercent);
        var sellerBase = amount.MinusFloorZero(share).MinusFloorZero(shareParent);

        _originAmount = origin.MinorUnits;
        _amount = amount.MinorUnits;
        _shareAmount = share.MinorUnits;
        _shareParentAmount = shareParent.MinorUnits;
        _sellerAmount = SellerId > 0 ? sellerBase.Percent(_sellerPercent).MinorUnits : 0;
    }

    private static string DefaultRemark(OrderPlacement placement, List<OrderLine> lines)
    {
        var remark = placement.Remark?.Trim();
        if (!string.IsNullOrEmpty(remark))
        {
            return remark;
        }

        if (placement.Type != OrderType.Goods)
        {
            return placement.FallbackRemark ?? string.Empty;
        }

        var title = lines[0].Snapshot.ProductTitle;
        return lines.Count > 1 ? title + "..." : title;
    }
}
