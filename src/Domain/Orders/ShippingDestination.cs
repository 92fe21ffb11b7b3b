using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.Orders;

/// <summary>The buyer's saved address row and the order's own copy of it (R31).</summary>
public sealed record ShippingDestination(long AddressId, Address Address);
