using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

internal sealed class AddressBook(OrderPlatformDbContext db, TimeProvider clock) : IAddressBook
{
    public Task<AddressParts?> FindAsync(long userId, long addressId, CancellationToken cancellationToken) =>
        db.Addresses.AsNoTracking()
            .Where(a => a.Id == addressId && a.UserId == userId)
            .Select(a => new AddressParts
            {
                Name = a.Name,
                Phone = a.Phone,
                Province = a.Province,
                City = a.City,
                District = a.Country,
                Detail = a.AddressInfo,
                Postcode = a.Postcode,
            })
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<long?> FindIdenticalAsync(long userId, Address address, CancellationToken cancellationToken)
    {
        var id = await db.Addresses.AsNoTracking()
            .Where(a => a.UserId == userId && a.Name == address.Name && a.Phone == address.Phone
                && a.Province == address.Province && a.City == address.City && a.Country == address.District
                && a.AddressInfo == address.Detail && a.Postcode == address.Postcode)
            .OrderBy(a => a.Id)
            .Select(a => (long?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id;
    }

    /// <remarks>
    /// A new entry's id is generated when it is inserted, so the order points at the staged entry's
    /// temporary key; saving both puts the real id into the order (orders.address_id is a foreign key).
    /// </remarks>
    public async Task AddForAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        db.EnsureWriting();
        var address = order.ShippingAddress ?? throw new InvalidOperationException($"Order {order.Id} ships nowhere; there is no address to save.");
        var entryId = await FindIdenticalAsync(order.BuyerId, address, cancellationToken) ?? Stage(order.BuyerId, address);
        db.Entry(order).Property(o => o.AddressId).CurrentValue = entryId;
    }

    public async Task<bool> KeepAsync(long userId, long addressId, CancellationToken cancellationToken)
    {
        db.EnsureWriting();
        // Written out, not ExecuteUpdate: it runs in the single writer's turn for every order to a saved address (StockLedger says why).
        var kept = await db.Database.ExecuteSqlAsync(
            $"UPDATE addresses SET updated_time = updated_time WHERE id = {addressId} AND user_id = {userId}",
            cancellationToken);
        return kept == 1;
    }

    public async Task<bool> UpdateAsync(long userId, long addressId, Address address, CancellationToken cancellationToken)
    {
        db.EnsureWriting();
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var updated = await db.Addresses
            .Where(a => a.Id == addressId && a.UserId == userId)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(a => a.Name, address.Name)
                    .SetProperty(a => a.Phone, address.Phone)
                    .SetProperty(a => a.Province, address.Province)
                    .SetProperty(a => a.City, address.City)
                    .SetProperty(a => a.Country, address.District)
                    .SetProperty(a => a.AddressInfo, address.Detail)
                    .SetProperty(a => a.Postcode, address.Postcode)
                    .SetProperty(a => a.UpdatedTime, now),
                cancellationToken);
        return updated == 1;
    }

    /// <summary>Stages a new entry and returns its temporary key.</summary>
    private long Stage(long userId, Address address)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var entry = db.Addresses.Add(new AddressRecord
        {
            UserId = userId,
            Name = address.Name,
            Phone = address.Phone,
            Province = address.Province,
            City = address.City,
            Country = address.District,
            AddressInfo = address.Detail,
            Postcode = address.Postcode,
            CreatedTime = now,
            UpdatedTime = now,
        });
        return entry.Property(a => a.Id).CurrentValue;
    }
}
