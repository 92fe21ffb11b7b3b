using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>Reads where an order ships, without writing anything.</summary>
internal interface IShippingAddressResolver
{
    Task<Result<ShippingPlan>> ResolveAsync(long buyerId, CreateOrderAddress? requested, CancellationToken cancellationToken);
}

/// <summary>R28-R31: a saved address by id, the same completed or changed, or a new address that may already be in the book.</summary>
internal sealed class ShippingAddressResolver(IAddressBook addressBook) : IShippingAddressResolver
{
    public async Task<Result<ShippingPlan>> ResolveAsync(long buyerId, CreateOrderAddress? requested, CancellationToken cancellationToken)
    {
        if (requested is null)
        {
            return ShippingPlan.None;
        }

        if (requested.Id > 0)
        {
            var saved = await addressBook.FindAsync(buyerId, requested.Id, cancellationToken);
            if (saved is null)
            {
                return AddressInput.NotFound(requested.Id);
            }

            if (requested.IsReferenceOnly)
            {
                // A stored address that is incomplete is reported part by part, so the client can send it completed.
                var stored = Validate(saved);
                return stored.Failed(out var incomplete)
                    ? incomplete
                    : new ShippingPlan(new ShippingDestination(requested.Id, stored.Value), AddressBookChange.KeepSaved);
            }
        }

        var sent = Validate(AddressInput.PartsOf(requested));
        if (sent.Failed(out var invalid))
        {
            return invalid;
        }

        if (requested.Id > 0)
        {
            return new ShippingPlan(new ShippingDestination(requested.Id, sent.Value), AddressBookChange.UpdateSaved);
        }

        var identical = await addressBook.FindIdenticalAsync(buyerId, sent.Value, cancellationToken);
        return identical is { } identicalId
            ? new ShippingPlan(new ShippingDestination(identicalId, sent.Value), AddressBookChange.KeepSaved)
            : new ShippingPlan(new ShippingDestination(null, sent.Value), AddressBookChange.AddNew);
    }

    private static Result<Address> Validate(AddressParts parts)
    {
        var created = Address.Create(parts);
        return created.IsSuccess ? created.Value : created.Error!.ToError(AddressInput.FieldOf(created.Error!));
    }
}
