using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>R28-R31: where the order ships to, keeping the buyer's address book in step as AnQiCMS does.</summary>
internal sealed class ShippingAddressResolver(IAddressBook addressBook)
{
    public async Task<(ShippingDestination? Destination, Error? Error)> ResolveAsync(
        long buyerId, CreateOrderAddress? requested, CancellationToken cancellationToken)
    {
        if (requested is null)
        {
            return (null, null);
        }

        if (requested.Id > 0)
        {
            var saved = await addressBook.FindAsync(buyerId, requested.Id, cancellationToken);
            if (saved is null)
            {
                return (null, Error.Of(ErrorCode.AddressNotFound, "address.id").With("address_id", requested.Id));
            }

            if (requested.IsReferenceOnly)
            {
                // A stored address that is incomplete is reported part by part, so the client can send it completed.
                var (address, error) = Validate(saved);
                return error is null ? (new ShippingDestination(requested.Id, address!), null) : (null, error);
            }
        }

        var (created, invalid) = Validate(AddressInput.PartsOf(requested));
        if (invalid is not null)
        {
            return (null, invalid);
        }

        var id = requested.Id > 0
            ? await UpdateAsync(buyerId, requested.Id, created!, cancellationToken)
            : await addressBook.FindIdenticalAsync(buyerId, created!, cancellationToken)
                ?? await addressBook.AddAsync(buyerId, created!, cancellationToken);
        return (new ShippingDestination(id, created!), null);
    }

    private async Task<long> UpdateAsync(long buyerId, long addressId, Address address, CancellationToken cancellationToken)
    {
        await addressBook.UpdateAsync(buyerId, addressId, address, cancellationToken);
        return addressId;
    }

    private static (Address? Address, Error? Error) Validate(AddressParts parts)
    {
        var created = Address.Create(parts);
        if (created.IsSuccess)
        {
            return (created.Value, null);
        }

        var refusal = created.Error!;
        return (null, refusal.ToError(AddressInput.FieldOf(refusal)));
    }
}
