using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <remarks>
/// The ids come from the client, as many as fit in a body: reading, they travel as one array
/// parameter, not one parameter each, which SQLite (32,766) and SQL Server (2,100) would run out of;
/// removing, each is one prepared delete of its own.
/// </remarks>
internal sealed class Cart(OrderPlatformDbContext db, IWriteStatements statements) : ICart
{
    private const int Active = 1;

    public async Task<IReadOnlyList<CartItem>> FindActiveAsync(long userId, IReadOnlyCollection<long> cartIds, CancellationToken cancellationToken) =>
        await db.CartItems.AsNoTracking()
            .Where(c => c.UserId == userId && c.Status == Active && EF.Parameter(cartIds).Contains(c.Id))
            .Select(c => new CartItem(c.Id, c.GoodsId, c.SkuId, c.Quantity))
            .ToListAsync(cancellationToken);

    public async Task<int> RemoveAsync(long userId, IReadOnlyCollection<long> cartIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cartIds);
        var removed = 0;
        foreach (var cartId in cartIds)
        {
            removed += await statements.ExecuteAsync(
                $"DELETE FROM cart_items WHERE id = {cartId} AND user_id = {userId} AND status = {Active}",
                cancellationToken);
        }

        return removed;
    }
}
