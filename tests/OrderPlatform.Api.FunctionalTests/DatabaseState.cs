using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>What a refused request must leave unchanged: orders and their lines, saved addresses, stock, coupon uses, cart items, idempotency keys.</summary>
public sealed record DatabaseState(
    int Orders, int OrderLines, int Addresses, long ProductStock, long SkuStock, int CouponUsages, long CouponUsedCount, int CartItems, int IdempotencyKeys)
{
    public static async Task<DatabaseState> ReadAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderPlatformDbContext>();
        return new DatabaseState(
            await db.Orders.CountAsync(),
            await db.Orders.SelectMany(o => o.Lines).CountAsync(),
            await db.Addresses.CountAsync(),
            await db.Products.SumAsync(p => p.Stock),
            await db.ProductSkus.SumAsync(s => s.Stock),
            await db.CouponUsages.CountAsync(),
            await db.CouponCodes.SumAsync(c => (long)c.UsedCount),
            await db.CartItems.CountAsync(),
            await db.IdempotencyKeys.CountAsync());
    }
}
