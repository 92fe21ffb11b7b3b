using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>A buyer's saved shipping addresses.</summary>
public interface IAddressBook
{
    /// <summary>
    /// The buyer's own address with that id as it is stored, or null (another user's address is not
    /// found). Stored rows are not re-validated here: older data may be incomplete, and R29 lets the
    /// buyer complete it.
    /// </summary>
    Task<AddressParts?> FindAsync(long userId, long addressId, CancellationToken cancellationToken);

    /// <summary>The id of a saved address identical to <paramref name="address"/>, or null.</summary>
    Task<long?> FindIdenticalAsync(long userId, Address address, CancellationToken cancellationToken);

    /// <summary>
    /// In the write step, makes the order's shipping address an entry of its buyer's book (R30): the
    /// identical entry, should another order of the buyer have added it since the read, or else a new
    /// entry, written before the order, whose id becomes the order's address id.
    /// </summary>
    Task AddForAsync(Order order, CancellationToken cancellationToken);

    /// <summary>
    /// In the write step, confirms the buyer still has the saved address the order ships to and keeps
    /// it until the write commits (a guarded update that changes nothing); false when it is gone.
    /// </summary>
    Task<bool> KeepAsync(long userId, long addressId, CancellationToken cancellationToken);

    /// <summary>In the write step, rewrites the buyer's saved address in place (R29); false, and nothing changed, when the buyer no longer has it.</summary>
    Task<bool> UpdateAsync(long userId, long addressId, Address address, CancellationToken cancellationToken);
}
