using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Benchmarks.Pipeline.InMemory;

/// <summary>The scenarios order from the request, not from the cart: the pricing asks the cart only for cart_ids.</summary>
internal sealed class InMemoryCart : ICart
{
    public Task<IReadOnlyList<CartItem>> FindActiveAsync(long userId, IReadOnlyCollection<long> cartIds, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The scenarios send no cart_ids.");

    public Task<int> RemoveAsync(long userId, IReadOnlyCollection<long> cartIds, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The scenarios send no cart_ids.");
}
