namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>What an order's write step does to the buyer's saved addresses.</summary>
internal enum AddressBookChange
{
    /// <summary>Nothing: no address was sent.</summary>
    None,

    /// <summary>A saved address is used as it is, named by id or found identical (R29, R30); the write step checks it is still there.</summary>
    KeepSaved,

    /// <summary>The saved address the request names is rewritten with the parts it sent (R29).</summary>
    UpdateSaved,

    /// <summary>The address is a new entry of the book (R30).</summary>
    AddNew,
}
