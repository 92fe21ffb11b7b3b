using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// R66 read from the database rows: for every product and SKU, the initial stock = the current
/// stock + the quantities of its lines on goods orders whose status is not -1; for every coupon
/// code, its used count = its usage rows = the orders carrying it whose status is not -1 (and the
/// usage rows name exactly those orders). Also R62's kept totals: buyer_order_counts = the orders
/// per buyer and status. The initial values are a snapshot taken before any order is placed, and
/// every check reads one consistent snapshot of the file, so it can run while commands are writing.
/// </summary>
internal sealed class LifecycleInvariants
{
    private readonly IReadOnlyDictionary<long, long> _initialProductStock;
    private readonly IReadOnlyDictionary<long, long> _initialSkuStock;
    private readonly IReadOnlyDictionary<long, int> _usesWithoutUsageRows;

    private LifecycleInvariants(
        IReadOnlyDictionary<long, long> initialProductStock,
        IReadOnlyDictionary<long, long> initialSkuStock,
        IReadOnlyDictionary<long, int> usesWithoutUsageRows)
    {
        _initialProductStock = initialProductStock;
        _initialSkuStock = initialSkuStock;
        _usesWithoutUsageRows = usesWithoutUsageRows;
    }

    /// <summary>The seeded stock and coupon counts, read before the test places any order.</summary>
    public static Task<LifecycleInvariants> SnapshotAsync(OrderPlatformHost host) => host.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<OrderPlatformDbContext>();
        Assert.False(await db.Orders.AnyAsync(), "The snapshot must be taken before the first order.");
        var products = await db.Products.ToDictionaryAsync(p => p.Id, p => p.Stock);
        var skus = await db.ProductSkus.ToDictionaryAsync(s => s.Id, s => s.Stock);

        // The demo seed marks the code USEDUP as used once with no usage row and no order (a use
        // recorded before this service existed), so R66's equality is checked on what orders add:
        // used_count minus this seeded count. With no orders yet, every other code starts at 0.
        var usageRows = await db.CouponUsages.GroupBy(u => u.CouponCodeId).ToDictionaryAsync(g => g.Key, g => g.Count());
        var codes = await db.CouponCodes.ToDictionaryAsync(c => c.Id, c => c.UsedCount - usageRows.GetValueOrDefault(c.Id));
        return new LifecycleInvariants(products, skus, codes);
    });

    /// <summary>Asserts R66 and the kept totals on one consistent read of the file, naming every row that breaks them.</summary>
    public Task AssertHoldAsync(OrderPlatformHost host) => host.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<OrderPlatformDbContext>();
        await db.Database.OpenConnectionAsync();

        // A deferred transaction reads one snapshot (WAL) and takes no write lock, so a check made
        // while commands run sees a moment between two commits, never half of one.
        await using var snapshot = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(snapshot);

        var products = await db.Products.ToDictionaryAsync(p => p.Id, p => p.Stock);
        var skus = await db.ProductSkus.ToDictionaryAsync(s => s.Id, s => s.Stock);
        var reserved = await db.Orders
            .Where(o => o.Status != OrderStatus.Cancelled && o.Type == OrderType.Goods)
            .SelectMany(o => o.Lines)
            .GroupBy(l => new { l.GoodsId, l.SkuId })
            .Select(g => new { g.Key.GoodsId, g.Key.SkuId, Quantity = g.Sum(l => (long)l.Quantity) })
            .ToListAsync();
        var codes = await db.CouponCodes.ToDictionaryAsync(c => c.Id, c => c.UsedCount);
        var usages = (await db.CouponUsages.Select(u => new { u.CouponCodeId, u.OrderId }).ToListAsync())
            .ConvertAll(u => new { u.CouponCodeId, OrderId = u.OrderId.Value });
        var couponOrders = await db.Orders
            .Where(o => o.Status != OrderStatus.Cancelled && o.CouponCodeId != null)
            .Select(o => new { CouponCodeId = o.CouponCodeId!.Value, o.Id })
            .ToListAsync();
        var ordersByBuyer = await db.Orders
            .GroupBy(o => new { o.BuyerId, o.Status })
            .Select(g => new { g.Key.BuyerId, Status = (int)g.Key.Status, Orders = (long)g.Count() })
            .ToListAsync();
        var keptCounts = await db.BuyerOrderCounts.Where(c => c.Orders != 0)
            .Select(c => new { BuyerId = c.UserId, c.Status, c.Orders })
            .ToListAsync();
        await snapshot.RollbackAsync();
        await db.Database.UseTransactionAsync(null);

        // Leave nothing open behind: the scope may hand this context to a pool.
        await db.Database.CloseConnectionAsync();

        var violations = new List<string>();
        foreach (var (productId, initial) in _initialProductStock)
        {
            var onOrders = reserved.Where(r => r.GoodsId == productId && r.SkuId == null).Sum(r => r.Quantity);
            if (initial != products[productId] + onOrders)
            {
                violations.Add($"product {productId}: initial {initial} != stock {products[productId]} + on orders {onOrders}");
            }
        }

        foreach (var (skuId, initial) in _initialSkuStock)
        {
            var onOrders = reserved.Where(r => r.SkuId == skuId).Sum(r => r.Quantity);
            if (initial != skus[skuId] + onOrders)
            {
                violations.Add($"sku {skuId}: initial {initial} != stock {skus[skuId]} + on orders {onOrders}");
            }
        }

        foreach (var (codeId, seededUses) in _usesWithoutUsageRows)
        {
            var usedCount = codes[codeId] - seededUses;
            var usageRows = usages.Count(u => u.CouponCodeId == codeId);
            var liveOrders = couponOrders.Count(o => o.CouponCodeId == codeId);
            if (usedCount != usageRows || usageRows != liveOrders)
            {
                violations.Add($"coupon code {codeId}: used count {usedCount} (beyond the seed's), usage rows {usageRows}, orders not cancelled {liveOrders}");
            }
        }

        // Not only as many: the usage rows belong to exactly the orders that still carry the code.
        var rowsFor = usages.Select(u => (u.CouponCodeId, u.OrderId)).ToHashSet();
        var ordersFor = couponOrders.Select(o => (o.CouponCodeId, o.Id.Value)).ToHashSet();
        if (!rowsFor.SetEquals(ordersFor))
        {
            violations.Add($"usage rows without a live order: [{string.Join(", ", rowsFor.Except(ordersFor))}]; live orders without a usage row: [{string.Join(", ", ordersFor.Except(rowsFor))}]");
        }

        // R62's total comes from counts the database keeps beside the orders: every cancel, close and payment must move them too.
        var counted = ordersByBuyer.Select(c => (c.BuyerId, c.Status, c.Orders)).ToHashSet();
        var kept = keptCounts.Select(c => (c.BuyerId, c.Status, c.Orders)).ToHashSet();
        if (!counted.SetEquals(kept))
        {
            violations.Add($"buyer_order_counts (user, status, orders) [{string.Join(", ", kept.Order())}] != orders [{string.Join(", ", counted.Order())}]");
        }

        Assert.True(violations.Count == 0, "Invariants broken: " + string.Join("; ", violations));
        return violations.Count; // InScopeAsync wants a value; there is none to give but the (zero) count.
    });
}
