using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

internal sealed class CouponBook(OrderPlatformDbContext db, TimeProvider clock) : ICouponBook
{
    private const int Active = 1;

    public Task<CouponCode?> FindByIdAsync(long couponCodeId, CancellationToken cancellationToken) =>
        FindAsync(db.CouponCodes.Where(c => c.Id == couponCodeId), cancellationToken);

    public Task<CouponCode?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
        FindAsync(db.CouponCodes.Where(c => c.Code == code), cancellationToken);

    public Task<CouponCode?> FindOwnUnusedAsync(long userId, long couponId, CancellationToken cancellationToken) =>
        FindAsync(
            db.CouponCodes
                .Where(c => c.UserId == userId && c.CouponId == couponId && c.UsedCount < c.MaxUses)
                .Where(c => !db.CouponUsages.Any(u => u.CouponCodeId == c.Id && u.UserId == userId))
                .OrderBy(c => c.GetTime)
                .ThenBy(c => c.Id),
            cancellationToken);

    public Task<bool> HasRedeemedAsync(long couponCodeId, long userId, CancellationToken cancellationToken) =>
        db.CouponUsages.AnyAsync(u => u.CouponCodeId == couponCodeId && u.UserId == userId, cancellationToken);

    public async Task<RedemptionOutcome> TryRedeemAsync(long couponCodeId, long userId, OrderId orderId, CancellationToken cancellationToken)
    {
        if (await HasRedeemedAsync(couponCodeId, userId, cancellationToken))
        {
            return RedemptionOutcome.AlreadyUsed;
        }

        var taken = await db.CouponCodes
            .Where(c => c.Id == couponCodeId && c.UsedCount < c.MaxUses)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedCount, c => c.UsedCount + 1), cancellationToken);
        if (taken != 1)
        {
            return RedemptionOutcome.UsedUp;
        }

        var usage = db.CouponUsages.Add(new CouponUsageRecord
        {
            CouponCodeId = couponCodeId,
            UserId = userId,
            OrderId = orderId,
            CreatedTime = clock.GetUtcNow().ToUnixTimeSeconds(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return RedemptionOutcome.Redeemed;
        }
        catch (DbUpdateException)
        {
            // Under read committed (SQL Server) a concurrent redemption by the same buyer can pass the check
            // above; the unique (coupon_code_id, user_id) index then refuses this one, and the command rolls back.
            usage.State = EntityState.Detached;
            if (await HasRedeemedAsync(couponCodeId, userId, cancellationToken))
            {
                return RedemptionOutcome.AlreadyUsed;
            }

            throw;
        }
    }

    private static async Task<CouponCode?> FindAsync(IQueryable<CouponCodeRecord> codes, CancellationToken cancellationToken)
    {
        var row = await codes.AsNoTracking()
            .Select(c => new { Code = c, c.Coupon, Goods = c.Coupon.Goods.Select(g => g.GoodsId).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var coupon = row.Coupon;
        return new CouponCode(
            row.Code.Id,
            row.Code.UserId,
            row.Code.MaxUses,
            row.Code.UsedCount,
            new Coupon(
                coupon.Id,
                coupon.Status == Active,
                (CouponKind)coupon.MoneyType,
                coupon.Money,
                coupon.MaxMoney,
                coupon.ConditionAmount,
                coupon.StartTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(coupon.StartTime) : null,
                coupon.EndTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(coupon.EndTime) : null,
                row.Goods.ToHashSet()));
    }
}
