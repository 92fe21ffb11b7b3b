using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.Orders;

/// <summary>
/// Where an order ships: the order's own copy of the address (R31) and the buyer's saved address
/// it stands for. <see cref="AddressId"/> is null when the address is a new entry of the buyer's
/// address book, which gets its id when the order is written (R30).
/// </summary>
public sealed record ShippingDestination(long? AddressId, Address Address);
