using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>R47-R49: who is credited for an order and at what rates.</summary>
internal sealed class PromoterRules(IUserDirectory users, RetailerOptions retailer)
{
    public async Task<EarningsPolicy> EarningsForAsync(UserAccount buyer, UserAccount? parent, int sellerPercent, CancellationToken cancellationToken)
    {
        var promoter = retailer.AllowSelf && CountsAsPromoter(buyer) ? buyer : parent;
        if (promoter is null)
        {
            return EarningsPolicy.SellerOnly(sellerPercent);
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
            sellerPercent,
            new Promoter(promoter.Id, shareRate),
            promoterParent is null ? null : new Promoter(promoterParent.Id, parentRate));
    }

    private bool CountsAsPromoter(UserAccount user) => user.IsRetailer || (retailer.BecomeRetailer && user.Group is not null);

    private static int Rate(int? percent) => Math.Clamp(percent ?? 0, 0, 100);
}
