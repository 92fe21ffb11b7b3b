using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

internal sealed class AddressBook(OrderPlatformDbContext db, IReadStatements reads, IWriteStatements statements, TimeProvider clock) : IAddressBook
{
    public async Task<AddressParts?> FindAsync(long userId, long addressId, CancellationToken cancellationToken)
    {
        var addresses = await reads.ListAsync(
            $"SELECT name, phone, province, city, country, address_info, postcode FROM addresses WHERE id = {addressId} AND user_id = {userId}",
            reader => AddressColumns.PartsAt(reader, 0),
            cancellationToken);
        return addresses.Count == 0 ? null : addresses[0];
    }

    public async Task<long?> FindIdenticalAsync(long userId, Address address, CancellationToken cancellationToken)
    {
        var ids = await reads.ListAsync(Identical(userId, address), reader => reader.GetInt64(0), cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }

    /// <remarks>
    /// The identical entry is looked for again in the step, where an entry another order of the same
    /// buyer added in the same batch is seen. A new entry is inserted at once, so its generated id is
    /// the order's address id (orders.address_id is a foreign key, and the order is inserted after it).
    /// </remarks>
    public async Task AddForAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var address = order.ShippingAddress ?? throw new InvalidOperationException($"Order {order.Id} ships nowhere; there is no address to save.");
        var entryId = await statements.ReadNumberAsync(Identical(order.BuyerId, address), cancellationToken)
            ?? await InsertAsync(order.BuyerId, address, cancellationToken);
        db.Entry(order).Property(o => o.AddressId).CurrentValue = entryId;
    }

    public async Task<bool> KeepAsync(long userId, long addressId, CancellationToken cancellationToken)
    {
        // Written out, not ExecuteUpdate: it runs in the single writer's turn for every order to a saved address (StockLedger says why).
        var kept = await statements.ExecuteAsync(
            $"UPDATE addresses SET updated_time = updated_time WHERE id = {addressId} AND user_id = {userId}",
            cancellationToken);
        return kept == 1;
    }

    public async Task<bool> UpdateAsync(long userId, long addressId, Address address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var updated = await statements.ExecuteAsync(
            $@"UPDATE addresses SET name = {address.Name}, phone = {address.Phone}, province = {address.Province}, city = {address.City},
               country = {address.District}, address_info = {address.Detail}, postcode = {address.Postcode}, updated_time = {now}
               WHERE id = {addressId} AND user_id = {userId}",
            cancellationToken);
        return updated == 1;
    }

    /// <summary>The buyer's entries identical to <paramref name="address"/>, oldest first.</summary>
    private static FormattableString Identical(long userId, Address address) =>
        $@"SELECT id FROM addresses WHERE user_id = {userId} AND name = {address.Name} AND phone = {address.Phone}
           AND province = {address.Province} AND city = {address.City} AND country = {address.District}
           AND address_info = {address.Detail} AND postcode = {address.Postcode} ORDER BY id";

    /// <summary>Inserts a new entry; its id.</summary>
    private async Task<long> InsertAsync(long userId, Address address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var entry = new AddressRecord
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
        };
        await statements.InsertAsync(entry, cancellationToken);
        return entry.Id;
    }
}
