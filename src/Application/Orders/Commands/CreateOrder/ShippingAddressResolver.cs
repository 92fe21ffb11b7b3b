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
                return (new ShippingDestination(requested.Id, saved), null);
            }
        }

        var created = Address.Create(AddressInput.PartsOf(requested));
        if (!created.IsSuccess)
        {
            var part = Enum.Parse<AddressPart>(created.Error!.Part!);
            return (null, created.Error.ToError(AddressInput.FieldOf(part)));
        }

        var address = created.Value;
        if (requested.Id > 0)
        {
            await addressBook.UpdateAsync(buyerId, requested.Id, address, cancellationToken);
            return (new ShippingDestination(requested.Id, address), null);
        }

        var id = await addressBook.FindIdenticalAsync(buyerId, address, cancellationToken)
            ?? await addressBook.AddAsync(buyerId, address, cancellationToken);
        return (new ShippingDestination(id, address), null);
    }
}
