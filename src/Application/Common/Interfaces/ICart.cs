namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>A buyer's shopping cart (docs/contract.md section 9).</summary>
public interface ICart
{
    /// <summary>The buyer's active items among <paramref name="cartIds"/>; another user's items are simply not found.</summary>
    Task<IReadOnlyList<CartItem>> FindActiveAsync(long userId, IReadOnlyCollection<long> cartIds, CancellationToken cancellationToken);

    /// <summary>Removes the buyer's active items in the write step (R43) and says how many it removed, so a concurrent order that took them first is noticed.</summary>
    Task<int> RemoveAsync(long userId, IReadOnlyCollection<long> cartIds, CancellationToken cancellationToken);
}

/// <summary>A cart item; <see cref="SkuId"/> 0 for a product without SKUs.</summary>
public sealed record CartItem(long Id, long GoodsId, long SkuId, int Quantity);
