using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Common;
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

    public async Task<long> AddAsync(long userId, Address address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var row = new AddressRecord { UserId = userId, CreatedTime = now };
        Copy(address, row, now);
        db.Addresses.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    public async Task UpdateAsync(long userId, long addressId, Address address, CancellationToken cancellationToken)
    {
        var row = await db.Addresses.SingleAsync(a => a.Id == addressId && a.UserId == userId, cancellationToken);
        Copy(address, row, clock.GetUtcNow().ToUnixTimeSeconds());
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Copy(Address address, AddressRecord row, long now)
    {
        row.Name = address.Name;
        row.Phone = address.Phone;
        row.Province = address.Province;
        row.City = address.City;
        row.Country = address.District;
        row.AddressInfo = address.Detail;
        row.Postcode = address.Postcode;
        row.UpdatedTime = now;
    }
}
