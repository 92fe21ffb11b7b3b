using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>The code a buyer redeems and the request member that named it, where its later refusals are reported.</summary>
internal sealed record SelectedCoupon(CouponTerms Terms, string Field);
