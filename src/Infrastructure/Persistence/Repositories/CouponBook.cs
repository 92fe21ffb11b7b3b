using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// Coupon codes and their redemptions (R33-R40). The reads run for every order with a coupon, so
/// they are written out and prepared once (IReadStatements): a code is found by its id, with its
/// coupon and the goods the coupon is limited to, once any other lookup has named the id.
/// </summary>
internal sealed class CouponBook(IReadStatements reads, IWriteStatements statements, TimeProvider clock) : ICouponBook
{
    private const int Active = 1;

    public async Task<CouponCode?> FindByIdAsync(long couponCodeId, CancellationToken cancellationToken)
    {
        var rows = await reads.ListAsync(
            $@"SELECT c.id, c.user_id, c.max_uses, c.used_count, p.id, p.status, p.money_type, p.money, p.max_money, p.condition_amount,
                      p.start_time, p.end_time, g.goods_id
               FROM coupon_codes c
               JOIN coupons p ON p.id = c.coupon_id
               LEFT JOIN coupon_goods g ON g.coupon_id = p.id
               WHERE c.id = {couponCodeId}",
            reader => new CodeRow(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                new CouponRow(reader.GetInt64(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11)),
                reader.IsDBNull(12) ? null : reader.GetInt64(12)),
            cancellationToken);
        return rows.Count == 0 ? null : ToCouponCode(rows);
    }

    public async Task<CouponCode?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var ids = await reads.ListAsync($"SELECT id FROM coupon_codes WHERE code = {code}", reader => reader.GetInt64(0), cancellationToken);
        return ids.Count == 0 ? null : await FindByIdAsync(ids[0], cancellationToken);
    }

    public async Task<CouponCode?> FindOwnUnusedAsync(long userId, long couponId, CancellationToken cancellationToken)
    {
        var ids = await reads.ListAsync(
            $@"SELECT c.id FROM coupon_codes c
               WHERE c.user_id = {userId} AND c.coupon_id = {couponId} AND c.used_count < c.max_uses
                 AND NOT EXISTS (SELECT 1 FROM coupon_usages u WHERE u.coupon_code_id = c.id AND u.user_id = {userId})
               ORDER BY c.get_time, c.id",
            reader => reader.GetInt64(0),
            cancellationToken);
        return ids.Count == 0 ? null : await FindByIdAsync(ids[0], cancellationToken);
    }

    public async Task<bool> HasRedeemedAsync(long couponCodeId, long userId, CancellationToken cancellationToken) =>
        (await reads.ListAsync(Redemption(couponCodeId, userId), reader => reader.GetInt64(0), cancellationToken)).Count > 0;

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
        if (await statements.ReadNumberAsync(Redemption(couponCodeId, userId), cancellationToken) is not null)
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

    /// <summary>A row when the buyer has redeemed the code, none otherwise.</summary>
    private static FormattableString Redemption(long couponCodeId, long userId) =>
        $"SELECT 1 FROM coupon_usages WHERE coupon_code_id = {couponCodeId} AND user_id = {userId}";

    private static CouponCode ToCouponCode(List<CodeRow> rows)
    {
        var (code, coupon) = (rows[0], rows[0].Coupon);
        return new CouponCode(
            code.Id,
            code.OwnerId,
            code.MaxUses,
            code.UsedCount,
            new Coupon(
                coupon.Id,
                coupon.Status == Active,
                (CouponKind)coupon.MoneyType,
                coupon.Money,
                coupon.MaxMoney,
                coupon.ConditionAmount,
                coupon.StartTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(coupon.StartTime) : null,
                coupon.EndTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(coupon.EndTime) : null,
                rows.Where(row => row.GoodsId is not null).Select(row => row.GoodsId!.Value).ToHashSet()));
    }

    private sealed record CodeRow(long Id, long OwnerId, int MaxUses, int UsedCount, CouponRow Coupon, long? GoodsId);

    private sealed record CouponRow(long Id, int Status, int MoneyType, long Money, long MaxMoney, long ConditionAmount, long StartTime, long EndTime);
}
