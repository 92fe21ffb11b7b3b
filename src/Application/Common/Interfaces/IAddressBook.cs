using OrderPlatform.Domain.Common;

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

    /// <summary>Saves a new address and returns its id.</summary>
    Task<long> AddAsync(long userId, Address address, CancellationToken cancellationToken);

    Task UpdateAsync(long userId, long addressId, Address address, CancellationToken cancellationToken);
}
