using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Common;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>
/// R32: a buyer invited by a user whose group has a discount between 1 and 99 pays that
/// percentage of each unit price, truncated per unit.
/// </summary>
internal sealed record ReferralDiscount(int Percent)
{
    public static ReferralDiscount None { get; } = new(100);

    public static ReferralDiscount For(UserAccount? parent) =>
        parent?.Group is { Discount: >= 1 and <= 99 } group ? new ReferralDiscount(group.Discount) : None;

    public Money Apply(Money originPrice) => originPrice.Percent(Percent);
}
