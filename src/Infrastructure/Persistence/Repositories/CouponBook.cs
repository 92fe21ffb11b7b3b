using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

internal sealed class CouponBook(OrderPlatformDbContext db, IWriteStatements statements, TimeProvider clock) : ICouponBook
{
    private const int Active = 1;

    public Task<CouponCode?> FindByIdAsync(long couponCodeId, CancellationToken cancellationToken) =>
        FindAsync(db.CouponCodes.Where(c => c.Id == couponCodeId), cancellationToken);

    public Task<CouponCode?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
        FindAsync(db.CouponCodes.Where(c => c.Code == code), cancellationToken);

    public Task<CouponCode?> FindOwnUnusedAsync(long userId, long couponId, CancellationToken cancellationToken)
    {
        // A local, not db.CouponUsages inside the lambda: EF reads a captured local directly, but would evaluate the context's property on every call.
        var usages = db.CouponUsages;
        return FindAsync(
            db.CouponCodes
                .Where(c => c.UserId == userId && c.CouponId == couponId && c.UsedCount < c.MaxUses)
                .Where(c => !usages.Any(u => u.CouponCodeId == c.Id && u.UserId == userId))
                .OrderBy(c => c.GetTime)
                .ThenBy(c => c.Id),
            cancellationToken);
    }

    public Task<bool> HasRedeemedAsync(long couponCodeId, long userId, CancellationToken cancellationToken) =>
        db.CouponUsages.AnyAsync(u => u.CouponCodeId == couponCodeId && u.UserId == userId, cancellationToken);

    public async Task<RedemptionOutcome> TryRedeemAsync(long couponCodeId, long userId, OrderId orderId, CancellationToken cancellationToken)
    {
        // Written out, not ExecuteUpdate: it runs in the single writer's turn for every order with a coupon (StockLedger says why).
        var taken = await statements.ExecuteAsync(
            $"UPDATE coupon_codes SET used_count = used_count + 1 WHERE id = {couponCodeId} AND used_count < max_uses",
            cancellationToken);
        if (taken != 1)
        {
            return RedemptionOutcome.UsedUp;
        }

        // The increment holds the code's row lock until commit, so any other redemption of this code has either
        // committed (and is seen here) or waits behind this one: the check cannot race. The unique
        // (coupon_code_id, user_id) index stays as the last word.
        if (await statements.ReadNumberAsync(
                $"SELECT 1 FROM coupon_usages WHERE coupon_code_id = {couponCodeId} AND user_id = {userId}",
                cancellationToken) is not null)
        {
            return RedemptionOutcome.AlreadyUsed;
        }

        await statements.InsertAsync(
            new CouponUsageRecord
            {
                CouponCodeId = couponCodeId,
                UserId = userId,
                OrderId = orderId,
                CreatedTime = clock.GetUtcNow().ToUnixTimeSeconds(),
            },
            cancellationToken);
        return RedemptionOutcome.Redeemed;
    }

    public async Task GiveBackAsync(long couponCodeId, OrderId orderId, CancellationToken cancellationToken)
    {
        var removed = await statements.ExecuteAsync(
            $"DELETE FROM coupon_usages WHERE coupon_code_id = {couponCodeId} AND order_id = {orderId.Value}",
            cancellationToken);
        if (removed > 0)
        {
            await statements.ExecuteAsync(
                $"UPDATE coupon_codes SET used_count = used_count - {removed} WHERE id = {couponCodeId} AND used_count >= {removed}",
                cancellationToken);
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
