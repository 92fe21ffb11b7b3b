using AutoMapper;
using MediatR;
using Microsoft.Extensions.Options;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>
/// Places the order for the signed-in buyer (checked by BuyerAccessBehaviour, R9, R10): what
/// (R14-R25, R41-R45), at which prices (R19, R32-R39), shipped where (R28-R31), credited to whom
/// (R46-R50); then takes the stock (R26), stores it, redeems the coupon (R40), empties the cart (R43).
/// Runs inside the command's transaction, so a refusal at any step writes nothing.
/// </summary>
internal sealed class CreateOrderCommandHandler(
    IUserDirectory users,
    ICatalog catalog,
    IStockLedger stock,
    IAddressBook addressBook,
    ICouponBook coupons,
    ICart cart,
    IOrderRepository orders,
    IMapper mapper,
    TimeProvider clock,
    IOptions<OrderOptions> orderOptions,
    IOptions<RetailerOptions> retailerOptions,
    CurrentBuyer currentBuyer)
    : IRequestHandler<CreateOrderCommand, Result<OrderDto>>
{
    private readonly OrderOptions _options = orderOptions.Value;

    public async Task<Result<OrderDto>> Handle(CreateOrderCommand request, CancellationToken cancellationToken)
    {
        var buyer = currentBuyer.Account;
        var type = OrderTypeNames.Parse(request.Type);
        var parent = buyer.ParentId > 0 ? await users.FindUserAsync(buyer.ParentId, cancellationToken) : null;
        var currency = Currency.Of(_options.Currency);
        var referral = ReferralDiscount.For(parent);
        var (requested, cartError) = await RequestedLinesAsync(request, buyer.Id, cancellationToken);
        if (cartError is not null)
        {
            return cartError;
        }

        var pricing = new LinePricing(catalog, users);
        var priced = type == OrderType.Vip
            ? await pricing.PriceMembershipAsync(requested[0], referral, currency, cancellationToken)
            : await pricing.PriceGoodsAsync(requested, referral, currency, cancellationToken);
        if (priced.Error is { } pricingError)
        {
            return pricingError;
        }

        var placedAt = clock.GetUtcNow();
        var (coupon, couponError) = await new CouponSelection(coupons, placedAt).SelectAsync(request, buyer.Id, cancellationToken);
        if (couponError is not null)
        {
            return couponError;
        }

        var (shipTo, addressError) = await new ShippingAddressResolver(addressBook).ResolveAsync(buyer.Id, request.Address, cancellationToken);
        if (addressError is not null)
        {
            return addressError;
        }

        var earnings = await new PromoterRules(users, retailerOptions.Value)
            .EarningsForAsync(buyer, parent, _options.SellerPercent, cancellationToken);
        var placement = new OrderPlacement
        {
            Id = await orders.NextIdAsync(cancellationToken),
            BuyerId = buyer.Id,
            Type = type,
            Remark = request.Remark,
            FallbackRemark = priced.Value![0].Snapshot.ProductTitle,
            PlacedAt = placedAt,
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone),
            PaymentWindow = _options.AutoCloseMinutes > 0 ? TimeSpan.FromMinutes(_options.AutoCloseMinutes) : null,
            Currency = currency,
            MaxLines = _options.MaxLines,
            MaxQuantityPerLine = _options.MaxQuantityPerLine,
            ShipTo = shipTo,
            Earnings = earnings,
            Coupon = coupon?.Terms,
        };

        var placed = Order.Place(placement, priced.Value);
        if (!placed.IsSuccess)
        {
            var refusal = placed.Error!;
            return refusal.ToError(refusal.Code is DomainErrorCode.CouponNotApplicable or DomainErrorCode.CouponMinSpendNotMet
                ? coupon?.Field
                : null);
        }

        var order = placed.Value;
        if (type == OrderType.Goods && await ReserveStockAsync(order, requested, priced.Value, cancellationToken) is { } shortage)
        {
            return shortage;
        }

        await orders.AddAsync(order, cancellationToken);
        if (coupon is not null && await RedeemAsync(coupon, buyer.Id, order.Id, cancellationToken) is { } lostRace)
        {
            return lostRace;
        }

        // R43: a concurrent order that took the same cart items first leaves fewer to remove; this one then loses.
        var cartIds = request.CartIds.Distinct().ToArray();
        if (cartIds.Length > 0 && await cart.RemoveAsync(buyer.Id, cartIds, cancellationToken) != cartIds.Length)
        {
            return Error.Of(ErrorCode.CartItemNotFound, "cart_ids");
        }

        return mapper.Map<OrderDto>(order);
    }

    /// <summary>R26: one conditional decrement per line; the first short line refuses the whole order.</summary>
    /// <remarks><paramref name="drafts"/> are in the order of <paramref name="requested"/>, so a merged line is reported at the first request line it came from.</remarks>
    private async Task<Error?> ReserveStockAsync(
        Order order, IReadOnlyList<RequestedLine> requested, IReadOnlyList<OrderLineDraft> drafts, CancellationToken cancellationToken)
    {
        foreach (var line in order.Lines)
        {
            if (!await stock.TryReserveAsync(line.GoodsId, line.SkuId, line.Quantity, cancellationToken))
            {
                var source = requested[drafts.ToList().FindIndex(d => d.GoodsId == line.GoodsId && d.SkuId == line.SkuId)];
                return source.ErrorAt(ErrorCode.InsufficientStock, "quantity").With("sku_id", line.SkuId ?? 0);
            }
        }

        return null;
    }

    /// <summary>R14, R41: the requested lines; from the cart, every id must be an active item of the buyer.</summary>
    private async Task<(IReadOnlyList<RequestedLine> Lines, Error? Error)> RequestedLinesAsync(
        CreateOrderCommand request, long buyerId, CancellationToken cancellationToken)
    {
        if (request.CartIds.Count == 0)
        {
            return (RequestedLine.From(request), null);
        }

        var items = (await cart.FindActiveAsync(buyerId, request.CartIds, cancellationToken)).ToDictionary(i => i.Id);
        var missingAt = request.CartIds.ToList().FindIndex(id => !items.ContainsKey(id));
        return missingAt >= 0
            ? ([], Error.Of(ErrorCode.CartItemNotFound, $"cart_ids[{missingAt}]").With("cart_id", request.CartIds[missingAt]))
            : (RequestedLine.FromCart(request.CartIds, items), null);
    }

    /// <summary>R40: the redemption itself, atomic; losing a race to another order refuses this one.</summary>
    private async Task<Error?> RedeemAsync(SelectedCoupon coupon, long buyerId, OrderId orderId, CancellationToken cancellationToken)
    {
        var codeId = coupon.Terms.CouponCodeId;
        var outcome = await coupons.TryRedeemAsync(codeId, buyerId, orderId, cancellationToken);
        return outcome switch
        {
            RedemptionOutcome.Redeemed => null,
            RedemptionOutcome.UsedUp => Error.Of(ErrorCode.CouponUsedUp, coupon.Field).With("coupon_code_id", codeId),
            _ => Error.Of(ErrorCode.CouponAlreadyUsed, coupon.Field).With("coupon_code_id", codeId),
        };
    }
}
