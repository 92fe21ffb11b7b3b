using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>Reads who invited the buyer and what that means for the order: the buyer's price and who is credited.</summary>
internal interface IBuyerReferrals
{
    Task<BuyerReferral> ReadAsync(UserAccount buyer, CancellationToken cancellationToken);
}

/// <summary>
/// R32 and R47-R49: the buyer's parent sets the referral discount; the promoter is the parent, or
/// the buyer themselves when promoters may earn on their own purchases; the promoter's parent earns
/// the second reward.
/// </summary>
internal sealed class BuyerReferrals(IUserDirectory users, OrderSettings settings) : IBuyerReferrals
{
    public async Task<BuyerReferral> ReadAsync(UserAccount buyer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        var parent = buyer.ParentId > 0 ? await users.FindUserAsync(buyer.ParentId, cancellationToken) : null;
        var earnings = await EarningsAsync(buyer, parent, cancellationToken);
        return new BuyerReferral(ReferralDiscount.For(parent), earnings);
    }

    private async Task<EarningsPolicy> EarningsAsync(UserAccount buyer, UserAccount? parent, CancellationToken cancellationToken)
    {
        var promoter = settings.Retailer.AllowSelf && CountsAsPromoter(buyer) ? buyer : parent;
        if (promoter is null)
        {
            return EarningsPolicy.SellerOnly(settings.SellerPercent);
        }

        var shareRate = CountsAsPromoter(promoter) ? Rate(promoter.Group?.ShareReward) : 0;
        var promoterParent = ReferenceEquals(promoter, buyer) ? parent
            : promoter.ParentId > 0 ? await users.FindUserAsync(promoter.ParentId, cancellationToken)
            : null;

        // Rewards can never pay out more than the order: the parent's rate is capped by what the promoter's leaves.
        var parentRate = promoterParent is not null && CountsAsPromoter(promoterParent)
            ? Math.Min(Rate(promoter.Group?.ParentReward), 100 - shareRate)
            : 0;

        return new EarningsPolicy(
            settings.SellerPercent,
            new Promoter(promoter.Id, shareRate),
            promoterParent is null ? null : new Promoter(promoterParent.Id, parentRate));
    }

    private bool CountsAsPromoter(UserAccount user) => user.IsRetailer || (settings.Retailer.BecomeRetailer && user.Group is not null);

    private static int Rate(int? percent) => Math.Clamp(percent ?? 0, 0, 100);
}
