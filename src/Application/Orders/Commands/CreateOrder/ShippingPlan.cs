using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>Where the order ships, and what its write step does to the buyer's address book to stay in step, as AnQiCMS does (R29, R30).</summary>
internal sealed record ShippingPlan(ShippingDestination? Destination, AddressBookChange Change)
{
    /// <summary>No address was sent (R28).</summary>
    public static ShippingPlan None { get; } = new(null, AddressBookChange.None);
}

/// <summary>What the write step does to the buyer's saved addresses.</summary>
internal enum AddressBookChange
{
    /// <summary>Nothing: no address, a saved one used as it is, or an identical one reused.</summary>
    None,

    /// <summary>The saved address the request names is rewritten with the parts it sent (R29).</summary>
    UpdateSaved,

    /// <summary>The address is a new entry of the book (R30).</summary>
    AddNew,
}
