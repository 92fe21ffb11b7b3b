namespace OrderPlatform.Domain.Orders;

/// <summary>A user credited for an order (R47-R49) and the reward rate in per cent (0 when none is earned).</summary>
public sealed record Promoter(long UserId, int RewardPercent);
