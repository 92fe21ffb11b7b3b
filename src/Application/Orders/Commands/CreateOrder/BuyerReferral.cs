using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>The referral discount on the buyer's unit prices (R32) and how the order's amount is shared (R47-R50).</summary>
internal sealed record BuyerReferral(ReferralDiscount Discount, EarningsPolicy Earnings);
