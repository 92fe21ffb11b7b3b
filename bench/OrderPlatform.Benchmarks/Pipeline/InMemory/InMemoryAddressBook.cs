using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Benchmarks.Pipeline.InMemory;

/// <summary>
/// A returning buyer's address book, as bench/run.sh prepares it: the second scenario's address is
/// already saved, so the order keeps that entry and adds none.
/// </summary>
internal sealed class InMemoryAddressBook : IAddressBook
{
    private const long SavedAddressId = 1;

    private static readonly Task<long?> Saved = Task.FromResult<long?>(SavedAddressId);
    private static readonly Task<bool> Kept = Task.FromResult(true);

    public Task<AddressParts?> FindAsync(long userId, long addressId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The scenarios send the address's parts, not a saved address's id.");

    public Task<long?> FindIdenticalAsync(long userId, Address address, CancellationToken cancellationToken) => Saved;

    public Task AddForAsync(Order order, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The buyer already has the scenario's address: the order adds none.");

    public Task<bool> KeepAsync(long userId, long addressId, CancellationToken cancellationToken) => Kept;

    public Task<bool> UpdateAsync(long userId, long addressId, Address address, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The scenarios never rewrite a saved address.");
}
