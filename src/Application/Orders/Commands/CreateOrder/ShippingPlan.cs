using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>Where the order ships, and what its write step does to the buyer's address book to stay in step, as AnQiCMS does (R29, R30).</summary>
internal sealed record ShippingPlan(ShippingDestination? Destination, AddressBookChange Change)
{
    /// <summary>No address was sent (R28).</summary>
    public static ShippingPlan None { get; } = new(null, AddressBookChange.None);
}
