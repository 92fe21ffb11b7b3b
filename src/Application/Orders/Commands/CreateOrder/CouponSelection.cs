using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>Finds the coupon code a command names and what the buyer's standing with it is.</summary>
internal interface ICouponSelection
{
    /// <summary>Whether the command names a coupon at all, by code id, code or coupon id (R37).</summary>
    bool IsRequested(CreateOrderCommand command);

    /// <summary>The named code with everything the order needs to decide on it, or why it cannot be used.</summary>
    Task<Result<SelectedCoupon>> SelectAsync(CreateOrderCommand command, long buyerId, CancellationToken cancellationToken);
}

/// <summary>
/// R37: which code the buyer redeems, and the facts R38 judges it by. The judging is the domain's
/// (<see cref="CouponTerms.CheckEligibility"/>); it is asked here too, so that a code the buyer cannot
/// use stops the reads early and the buyer's past redemptions are looked up only when they matter.
/// </summary>
internal sealed class CouponSelection(ICouponBook coupons, TimeProvider clock) : ICouponSelection
{
    public bool IsRequested(CreateOrderCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.CouponCodeId > 0 || !string.IsNullOrEmpty(command.CouponCode?.Trim()) || command.CouponId > 0;
    }

    public async Task<Result<SelectedCoupon>> SelectAsync(CreateOrderCommand command, long buyerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var chosen = await ChooseAsync(command.CouponCodeId, command.CouponCode?.Trim(), command.CouponId, buyerId, cancellationToken);
        if (chosen.Failed(out var notFound))
        {
            return notFound;
        }

        var (code, field, unredeemedByBuyer) = chosen.Value;
        var selected = new SelectedCoupon(TermsOf(code), field);
        var now = clock.GetUtcNow();
        if (selected.Terms.CheckEligibility(buyerId, now) is { IsSuccess: false } ineligible)
        {
            return selected.ErrorFor(ineligible.Error!);
        }

        // A code found by coupon_id was read together with "not redeemed by this buyer"; asking again in a second
        // read could see another order's redemption commit in between and mix two moments into one answer.
        if (unredeemedByBuyer)
        {
            return selected;
        }

        selected = selected with { Terms = selected.Terms with { RedeemedByBuyer = await coupons.HasRedeemedAsync(code.Id, buyerId, cancellationToken) } };
        return selected.Terms.CheckEligibility(buyerId, now) is { IsSuccess: false } redeemed ? selected.ErrorFor(redeemed.Error!) : selected;
    }

    private static CouponTerms TermsOf(CouponCode code) => new()
    {
        CouponId = code.Coupon.Id,
        CouponCodeId = code.Id,
        Kind = code.Coupon.Kind,
        Value = code.Coupon.Money,
        MaxDiscount = code.Coupon.MaxMoney,
        MinimumSpend = code.Coupon.ConditionAmount,
        GoodsScope = code.Coupon.GoodsScope,
        OwnerId = code.OwnerId,
        IsActive = code.Coupon.IsActive,
        StartsAt = code.Coupon.StartsAt,
        EndsAt = code.Coupon.EndsAt,
        MaxUses = code.MaxUses,
        UsedCount = code.UsedCount,
    };

    /// <summary>R37: coupon_code_id, then coupon_code, then coupon_id; identifiers naming different codes conflict.</summary>
    private async Task<Result<NamedCode>> ChooseAsync(long codeId, string? code, long couponId, long buyerId, CancellationToken cancellationToken)
    {
        CouponCode? chosen = null;
        string? chosenField = null;
        if (codeId > 0)
        {
            chosen = await coupons.FindByIdAsync(codeId, cancellationToken);
            chosenField = "coupon_code_id";
            if (chosen is null)
            {
                return Error.Of(ErrorCode.CouponNotFound, chosenField);
            }
        }

        if (!string.IsNullOrEmpty(code))
        {
            var byCode = await coupons.FindByCodeAsync(code, cancellationToken);
            if (chosen is not null && byCode?.Id != chosen.Id)
            {
                return Error.Of(ErrorCode.CouponConflict, "coupon_code");
            }

            if (byCode is null)
            {
                return Error.Of(ErrorCode.CouponNotFound, "coupon_code");
            }

            chosen ??= byCode;
            chosenField ??= "coupon_code";
        }

        if (couponId > 0)
        {
            if (chosen is not null)
            {
                return chosen.Coupon.Id == couponId ? new NamedCode(chosen, chosenField!) : Error.Of(ErrorCode.CouponConflict, "coupon_id");
            }

            chosen = await coupons.FindOwnUnusedAsync(buyerId, couponId, cancellationToken);
            return chosen is null
                ? Error.Of(ErrorCode.CouponNotFound, "coupon_id").With("coupon_id", couponId)
                : new NamedCode(chosen, "coupon_id", UnredeemedByBuyer: true);
        }

        return new NamedCode(chosen!, chosenField!);
    }

    /// <summary>A code, the request member that named it, and whether the read that found it already excluded codes the buyer redeemed.</summary>
    private sealed record NamedCode(CouponCode Code, string Field, bool UnredeemedByBuyer = false);
}
