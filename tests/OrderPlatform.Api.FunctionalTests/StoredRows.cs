using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>Single rows read straight from the database, to check what the order endpoints wrote (stock, coupon uses, payment, user group).</summary>
public static class StoredRows
{
    public static Task<long> ProductStockAsync(IServiceProvider services, long productId) =>
        ReadAsync(services, db => db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync());

    public static Task<long> SkuStockAsync(IServiceProvider services, long skuId) =>
        ReadAsync(services, db => db.ProductSkus.Where(s => s.Id == skuId).Select(s => s.Stock).SingleAsync());

    /// <summary>A coupon code's usage rows and its used count, which R66 keeps equal.</summary>
    public static Task<(int Usages, long UsedCount)> CouponCodeUsesAsync(IServiceProvider services, long codeId) =>
        ReadAsync(services, async db => (
            await db.CouponUsages.CountAsync(u => u.CouponCodeId == codeId),
            await db.CouponCodes.Where(c => c.Id == codeId).Select(c => (long)c.UsedCount).SingleAsync()));

    public static Task<long> GroupOfUserAsync(IServiceProvider services, long userId) =>
        ReadAsync(services, db => db.Users.Where(u => u.Id == userId).Select(u => u.GroupId).SingleAsync());

    public static async Task<(OrderStatus Status, string? PaymentId, DateTimeOffset? PaidAt)> OrderAsync(IServiceProvider services, string number)
    {
        var row = await ReadAsync(services, db => db.Orders.AsNoTracking().Where(o => o.Number == number).Select(o => new { o.Status, o.PaymentId, o.PaidAt }).SingleAsync());
        return (row.Status, row.PaymentId, row.PaidAt);
    }

    private static async Task<T> ReadAsync<T>(IServiceProvider services, Func<OrderPlatformDbContext, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<OrderPlatformDbContext>());
    }
}
