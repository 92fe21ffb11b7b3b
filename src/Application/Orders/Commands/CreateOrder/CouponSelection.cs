using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>
/// R37 and the first six checks of R38: which code the buyer redeems and whether it can be
/// redeemed at all. The checks that need the order's lines (type, eligible subtotal, minimum
/// spend) are the order's own (<see cref="Order.Place"/>).
/// </summary>
internal sealed class CouponSelection(ICouponBook coupons, DateTimeOffset now)
{
    public async Task<(SelectedCoupon? Selected, Error? Error)> SelectAsync(CreateOrderCommand request, long buyerId, CancellationToken cancellationToken)
    {
        var code = request.CouponCode?.Trim();
        if (request.CouponCodeId <= 0 && string.IsNullOrEmpty(code) && request.CouponId <= 0)
        {
            return (null, null);
        }

        var (chosen, field, error) = await ChooseAsync(request.CouponCodeId, code, request.CouponId, buyerId, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        var coupon = chosen!.Coupon;
        var refusal =
            (chosen.OwnerId != 0 && chosen.OwnerId != buyerId) || !coupon.IsActive ? ErrorCode.CouponNotFound
            : coupon.StartsAt is { } startsAt && now < startsAt ? ErrorCode.CouponNotStarted
            : coupon.EndsAt is { } endsAt && now >= endsAt ? ErrorCode.CouponExpired
            : chosen.UsedCount >= chosen.MaxUses ? ErrorCode.CouponUsedUp
            : await coupons.HasRedeemedAsync(chosen.Id, buyerId, cancellationToken) ? ErrorCode.CouponAlreadyUsed
            : (ErrorCode?)null;
        if (refusal is ErrorCode.CouponNotFound)
        {
            // Someone else's or a withdrawn code must look exactly like one that does not exist.
            return (null, Error.Of(ErrorCode.CouponNotFound, field));
        }

        if (refusal is { } refused)
        {
            return (null, Error.Of(refused, field).With("coupon_code_id", chosen.Id));
        }

        var terms = new CouponTerms
        {
            CouponId = coupon.Id,
            CouponCodeId = chosen.Id,
            Kind = coupon.Kind,
            Value = coupon.Money,
            MaxDiscount = coupon.MaxMoney,
            MinimumSpend = coupon.ConditionAmount,
            GoodsScope = coupon.GoodsScope,
        };
        return (new SelectedCoupon(terms, field), null);
    }

    /// <summary>R37: coupon_code_id, then coupon_code, then coupon_id; identifiers naming different codes conflict.</summary>
    private async Task<(CouponCode? Chosen, string Field, Error? Error)> ChooseAsync(
        long codeId, string? code, long couponId, long buyerId, CancellationToken cancellationToken)
    {
        CouponCode? chosen = null;
        string? chosenField = null;
        if (codeId > 0)
        {
            chosen = await coupons.FindByIdAsync(codeId, cancellationToken);
            chosenField = "coupon_code_id";
            if (chosen is null)
            {
                return (null, chosenField, Error.Of(ErrorCode.CouponNotFound, chosenField));
            }
        }

        if (!string.IsNullOrEmpty(code))
        {
            var byCode = await coupons.FindByCodeAsync(code, cancellationToken);
            if (chosen is not null && byCode?.Id != chosen.Id)
            {
                return (null, "coupon_code", Error.Of(ErrorCode.CouponConflict, "coupon_code"));
            }

            if (byCode is null)
            {
                return (null, "coupon_code", Error.Of(ErrorCode.CouponNotFound, "coupon_code"));
            }

            chosen ??= byCode;
            chosenField ??= "coupon_code";
        }

        if (couponId > 0)
        {
            if (chosen is not null)
            {
                return chosen.Coupon.Id == couponId
                    ? (chosen, chosenField!, null)
                    : (null, "coupon_id", Error.Of(ErrorCode.CouponConflict, "coupon_id"));
            }

            chosen = await coupons.FindOwnUnusedAsync(buyerId, couponId, cancellationToken);
            return chosen is null
                ? (null, "coupon_id", Error.Of(ErrorCode.CouponNotFound, "coupon_id").With("coupon_id", couponId))
                : (chosen, "coupon_id", null);
        }

        return (chosen, chosenField!, null);
    }
}
