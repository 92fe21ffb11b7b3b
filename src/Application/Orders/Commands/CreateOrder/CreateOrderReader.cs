using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>The create-order command's read step.</summary>
internal interface ICreateOrderReader
{
    /// <summary>Everything placing the order needs, read without writing; or the first refusal the reads alone can decide.</summary>
    Task<Result<CreateOrderInputs>> ReadAsync(CreateOrderCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// Gathers the order's inputs in the order their refusals take precedence: the lines and their
/// prices, the coupon, then the shipping address. Nothing here writes, so a refusal found here
/// never touches the write lock.
/// </summary>
internal sealed class CreateOrderReader(
    SignedInBuyer signedInBuyer,
    IBuyerReferrals referrals,
    ILinePricing pricing,
    ICouponSelection coupons,
    IShippingAddressResolver shipping,
    OrderSettings settings)
    : ICreateOrderReader
{
    public async Task<Result<CreateOrderInputs>> ReadAsync(CreateOrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var buyer = await signedInBuyer.RequireAsync(cancellationToken);
        var referral = await referrals.ReadAsync(buyer, cancellationToken);

        var lines = await pricing.PriceAsync(command, buyer, referral.Discount, cancellationToken);
        if (lines.Failed(out var error))
        {
            return error;
        }

        SelectedCoupon? coupon = null;
        if (coupons.IsRequested(command))
        {
            var selected = await coupons.SelectAsync(command, buyer.Id, cancellationToken);
            if (selected.Failed(out error))
            {
                return error;
            }

            coupon = selected.Value;
        }

        var shipTo = await shipping.ResolveAsync(buyer.Id, command.Address, cancellationToken);
        if (shipTo.Failed(out error))
        {
            return error;
        }

        var placement = new OrderPlacement
        {
            BuyerId = buyer.Id,
            Type = OrderTypeNames.Parse(command.Type),
            Remark = command.Remark,
            TimeZone = settings.TimeZone,
            PaymentWindow = settings.PaymentWindow,
            Currency = settings.Currency,
            MaxLines = settings.MaxLines,
            MaxQuantityPerLine = settings.MaxQuantityPerLine,
            ShipTo = shipTo.Value.Destination,
            Earnings = referral.Earnings,
            Coupon = coupon?.Terms,
        };
        return new CreateOrderInputs(placement, lines.Value, coupon, shipTo.Value, command.CartIds.Distinct().ToArray());
    }
}
