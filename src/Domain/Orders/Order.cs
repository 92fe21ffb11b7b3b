using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.Orders;

/// <summary>
/// A buyer's order, pending payment when placed. The only way to create one is
/// <see cref="Place"/>, and lines join it only through the order, so its totals and earnings
/// always agree with its lines. It gets its identity, and with it its order number, when it is
/// written (<see cref="AssignId"/>): a refused order never uses up an id.
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

    // Kept from placing until the order is identified: the number and form link need the id.
    private TimeZoneInfo? _numberTimeZone;
    private string? _customFormUrlTemplate;

    private Order()
    {
    }

    public OrderId Id { get; private set; }

    /// <summary>The order number shown to people (R52); empty until <see cref="AssignId"/>.</summary>
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

    /// <summary>When the payment service confirmed payment (R65); null until then.</summary>
    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The payment service's reference for the payment (R65); null until paid.</summary>
    public string? PaymentId { get; private set; }

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
    /// Places a pending-payment order with the given lines at <paramref name="placedAt"/>. Repeated
    /// (goods, SKU) lines are merged; a coupon the buyer may not redeem, lines from different
    /// sellers, too many lines, or amounts past the limit are refused.
    /// </summary>
    public static DomainResult<Order> Place(OrderPlacement placement, IReadOnlyCollection<OrderLineDraft> lines, DateTimeOffset placedAt)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new DomainException("An order needs at least one line.");
        }

        // R38 checks the code itself before anything about the lines, as the contract orders them.
        if (placement.Coupon?.CheckEligibility(placement.BuyerId, placedAt) is { IsSuccess: false } ineligible)
        {
            return ineligible.Error!;
        }

        var order = new Order
        {
            BuyerId = placement.BuyerId,
            Type = placement.Type,
            Status = OrderStatus.PendingPayment,
            SellerId = lines.First().SellerId,
            ShareUserId = placement.Earnings.Promoter?.UserId ?? 0,
            ShareParentUserId = placement.Earnings.PromoterParent?.UserId ?? 0,
            AddressId = placement.ShipTo?.AddressId,
            ShippingAddress = placement.ShipTo?.Address,
            CreatedAt = placedAt,
            UpdatedAt = placedAt,
            PaymentDeadline = placement.PaymentWindow is { } window ? placedAt + window : null,
            _currency = placement.Currency.Code,
            _sellerPercent = placement.Earnings.SellerPercent,
            _sharePercent = placement.Earnings.Promoter?.RewardPercent ?? 0,
            _shareParentPercent = placement.Earnings.PromoterParent?.RewardPercent ?? 0,
            _numberTimeZone = placement.TimeZone,
            _customFormUrlTemplate = lines.Select(l => l.CustomFormUrlTemplate).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)),
        };

        try
        {
            foreach (var line in lines)
            {
                if (order.AddLine(line) is { IsSuccess: false } refused)
                {
                    return refused.Error!;
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

            if (placement.Coupon is { } coupon && order.ApplyCoupon(coupon) is { IsSuccess: false } notApplicable)
            {
                return notApplicable.Error!;
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
        return order;
    }

    /// <summary>
    /// Gives a placed order the id the database allocated for it, and with it the order number
    /// (R52) and the filled-in custom form link (R54). An order is identified once.
    /// </summary>
    public void AssignId(OrderId id)
    {
        if (_numberTimeZone is null)
        {
            throw new DomainException($"Order {Id} already has its id.");
        }

        Id = id;
        Number = OrderNumber.For(id, CreatedAt, _numberTimeZone);
        CustomFormUrl = _customFormUrlTemplate?.Replace("{order_id}", Number, StringComparison.Ordinal);
        _numberTimeZone = null;
        _customFormUrlTemplate = null;
    }

    /// <summary>R63: the buyer cancels an order that is still waiting for payment.</summary>
    public DomainResult Cancel(DateTimeOffset at)
    {
        if (Status != OrderStatus.PendingPayment)
        {
            return new DomainError(DomainErrorCode.OrderNotCancellable);
        }

        Status = OrderStatus.Cancelled;
        UpdatedAt = at;
        return DomainResult.Success;
    }

    /// <summary>R64: an order still waiting for payment when its deadline has passed is closed, as a cancel is.</summary>
    public DomainResult Close(DateTimeOffset at)
    {
        if (Status == OrderStatus.PendingPayment && (PaymentDeadline is not { } deadline || deadline > at))
        {
            return new DomainError(DomainErrorCode.OrderNotOverdue);
        }

        return Cancel(at);
    }

    /// <summary>
    /// R65: records the payment service's confirmation. The amount must be the order's; a waiting
    /// order becomes paid; the same payment confirmed again changes nothing; another payment of a
    /// paid order, or any payment of a closed one, is refused and must be refunded.
    /// </summary>
    public DomainResult<PaymentRecording> ConfirmPayment(string paymentId, long amountMinorUnits, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentId);
        if (amountMinorUnits != _amount)
        {
            return new DomainError(DomainErrorCode.AmountMismatch);
        }

        switch (Status)
        {
            case OrderStatus.Cancelled:
                return new DomainError(DomainErrorCode.OrderClosed);
            case OrderStatus.PendingPayment:
                Status = OrderStatus.Paid;
                PaidAt = at;
                PaymentId = paymentId;
                UpdatedAt = at;
                return PaymentRecording.Recorded;
            default:
                return string.Equals(PaymentId, paymentId, StringComparison.Ordinal)
                    ? PaymentRecording.AlreadyRecorded
                    : new DomainError(DomainErrorCode.OrderAlreadyPaid);
        }
    }

    private DomainResult AddLine(OrderLineDraft draft)
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

        return DomainResult.Success;
    }

    /// <summary>Takes the coupon's discount off the lines it covers, in proportion to their amounts (R39).</summary>
    private DomainResult ApplyCoupon(CouponTerms coupon)
    {
        var eligible = _lines.Where(l => coupon.Covers(l.GoodsId)).ToList();
        var subtotal = eligible.Aggregate(Money.Zero(Currency), (sum, line) => sum.Plus(line.Amount));
        var discount = coupon.DiscountOn(Type, subtotal);
        if (!discount.IsSuccess)
        {
            return discount.Error!;
        }

        var parts = DiscountSpread.Split(discount.Value.MinorUnits, eligible.ConvertAll(l => l.Amount.MinorUnits));
        for (var i = 0; i < eligible.Count; i++)
        {
            eligible[i].TakeDiscount(Money.Of(parts[i], Currency));
        }

        CouponId = coupon.CouponId;
        CouponCodeId = coupon.CouponCodeId;
        _discountAmount = discount.Value.MinorUnits;
        return DomainResult.Success;
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

        // A VIP order's single line is the membership, titled after its user group.
        var title = lines[0].Snapshot.ProductTitle;
        return placement.Type == OrderType.Goods && lines.Count > 1 ? title + "..." : title;
    }
}
