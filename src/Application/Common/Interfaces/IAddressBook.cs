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
    /// Stages the order's shipping address as a new entry of its buyer's book (R30); the order's
    /// address id becomes the entry's id when the write step saves both.
    /// </summary>
    void AddFor(Order order);

    /// <summary>Rewrites the buyer's saved address in place (R29); false, and nothing changed, when the buyer no longer has it.</summary>
    Task<bool> UpdateAsync(long userId, long addressId, Address address, CancellationToken cancellationToken);
}
