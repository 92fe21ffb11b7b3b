using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// Spec section 8 over HTTP. Coupon uses are state, so each test gets a freshly seeded service.
/// Demo codes: COUPON2023 (2000 off), TENOFF (10 %, cap 5000), SAVE30 (3000 off from 20000),
/// WELCOME-1000 (user 1000's own, coupon 4), SHIRT10 (goods 1 only), EXPIRED2022, FUTURE2030,
/// DISABLED, USEDUP, WELCOME-2001 (another user's).
/// </summary>
public sealed class CouponTests : IDisposable
{
    private readonly OrderPlatformApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task R38_R39_R40_a_public_fixed_coupon_takes_its_amount_off_and_is_redeemed_once()
    {
        var envelope = await PostAsync("""{"goods_id":188,"coupon_code":"COUPON2023"}""");

        Assert.Equal(0, envelope.Code);
        Assert.Equal(9900, envelope.Data.GetProperty("origin_amount").GetInt64());
        Assert.Equal(2000, envelope.Data.GetProperty("discount_amount").GetInt64());
        Assert.Equal(7900, envelope.Data.GetProperty("amount").GetInt64());
        Assert.Equal(7900 * 80 / 100, envelope.Data.GetProperty("seller_amount").GetInt64());
        Assert.Equal(2000, envelope.Data.GetProperty("details")[0].GetProperty("discount_amount").GetInt64());
        var (uses, usedCount) = await UsesOfCodeAsync(1);
        Assert.Equal(1, uses);
        Assert.Equal(1, usedCount);
    }

    [Fact]
    public async Task R37_a_code_is_found_by_its_id_and_matched_after_trimming()
    {
        Assert.Equal(1, (await PostAsync("""{"goods_id":188,"coupon_code_id":1}""")).Data.GetProperty("coupon_code_id").GetInt64());
        Assert.Equal(2, (await PostAsync("""{"goods_id":188,"coupon_code":"  TENOFF "}""")).Data.GetProperty("coupon_code_id").GetInt64());
    }

    [Fact]
    public async Task R37_a_coupon_id_redeems_the_buyers_own_unused_code_of_it()
    {
        var envelope = await PostAsync("""{"goods_id":188,"coupon_id":4}""");

        Assert.Equal(0, envelope.Code);
        Assert.Equal(4, envelope.Data.GetProperty("coupon_id").GetInt64());
        Assert.Equal(4, envelope.Data.GetProperty("coupon_code_id").GetInt64());
        Assert.Equal(1500, envelope.Data.GetProperty("discount_amount").GetInt64());

        var again = await RefusedAsync("""{"goods_id":188,"coupon_id":4}""");
        Assert.Equal(("coupon_not_found", "coupon_id"), (again.Error, again.Field));
    }

    [Fact]
    public async Task R39_a_percent_coupon_is_truncated_and_capped()
    {
        Assert.Equal(990, (await PostAsync("""{"goods_id":188,"coupon_code":"TENOFF"}""")).Data.GetProperty("discount_amount").GetInt64());
        Assert.Equal(5000, (await PostAsync("""{"goods_id":188,"quantity":10,"coupon_code":"TENOFF"}""", userId: 2001)).Data.GetProperty("discount_amount").GetInt64());
    }

    [Fact]
    public async Task R39_a_goods_limited_coupon_discounts_only_the_lines_in_its_scope()
    {
        var envelope = await PostAsync("""{"details":[{"goods_id":188},{"goods_id":1,"goods_sku_id":1}],"coupon_code":"SHIRT10"}""");

        var lines = envelope.Data.GetProperty("details");
        Assert.Equal(1000, envelope.Data.GetProperty("discount_amount").GetInt64());
        Assert.Equal(0, lines[0].GetProperty("discount_amount").GetInt64());
        Assert.Equal(1000, lines[1].GetProperty("discount_amount").GetInt64());
        Assert.Equal(9900 + 4900 - 1000, envelope.Data.GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task R38_the_minimum_spend_counts_the_eligible_subtotal()
    {
        var refused = await RefusedAsync("""{"goods_id":188,"coupon_code":"SAVE30"}""");
        Assert.Equal(("coupon_min_spend_not_met", "coupon_code"), (refused.Error, refused.Field));

        var placed = await PostAsync("""{"goods_id":188,"quantity":3,"coupon_code":"SAVE30"}""");
        Assert.Equal(3000, placed.Data.GetProperty("discount_amount").GetInt64());
    }

    [Fact]
    public async Task R38_R40_a_buyer_cannot_redeem_the_same_code_twice()
    {
        Assert.Equal(0, (await PostAsync("""{"goods_id":188,"coupon_code":"COUPON2023"}""")).Code);

        var again = await RefusedAsync("""{"goods_id":188,"coupon_code":"COUPON2023"}""");

        Assert.Equal(("coupon_already_used", "coupon_code"), (again.Error, again.Field));
        Assert.Equal((1, 1L), await UsesOfCodeAsync(1));
    }

    [Theory]
    [InlineData("""{"goods_id":188,"coupon_code":"NOSUCHCODE"}""", "coupon_not_found", "coupon_code")]
    [InlineData("""{"goods_id":188,"coupon_code":"coupon2023"}""", "coupon_not_found", "coupon_code")]
    [InlineData("""{"goods_id":188,"coupon_code_id":999}""", "coupon_not_found", "coupon_code_id")]
    [InlineData("""{"goods_id":188,"coupon_id":1}""", "coupon_not_found", "coupon_id")]
    [InlineData("""{"goods_id":188,"coupon_code":"WELCOME-2001"}""", "coupon_not_found", "coupon_code")]
    [InlineData("""{"goods_id":188,"coupon_code":"DISABLED"}""", "coupon_not_found", "coupon_code")]
    [InlineData("""{"goods_id":188,"coupon_code":"FUTURE2030"}""", "coupon_not_started", "coupon_code")]
    [InlineData("""{"goods_id":188,"coupon_code":"EXPIRED2022"}""", "coupon_expired", "coupon_code")]
    [InlineData("""{"goods_id":188,"coupon_code":"USEDUP"}""", "coupon_used_up", "coupon_code")]
    [InlineData("""{"goods_id":188,"coupon_code":"SHIRT10"}""", "coupon_not_applicable", "coupon_code")]
    [InlineData("""{"type":"vip","goods_id":3,"coupon_code":"COUPON2023"}""", "coupon_not_applicable", "coupon_code")]
    [InlineData("""{"goods_id":188,"coupon_code_id":1,"coupon_code":"TENOFF"}""", "coupon_conflict", "coupon_code")]
    [InlineData("""{"goods_id":188,"coupon_code":"COUPON2023","coupon_id":4}""", "coupon_conflict", "coupon_id")]
    public async Task R37_R38_a_coupon_that_cannot_be_redeemed_refuses_the_order_and_writes_nothing(string body, string error, string field)
    {
        var refused = await RefusedAsync(body);

        Assert.Equal((error, field), (refused.Error, refused.Field));
    }

    private Task<Envelope> PostAsync(string body, long userId = 1000) => _factory.PlaceAsync(body, userId);

    private Task<Envelope> RefusedAsync(string body) => _factory.RefuseAsync(body);

    private async Task<(int Uses, long UsedCount)> UsesOfCodeAsync(long codeId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderPlatformDbContext>();
        return (
            await db.CouponUsages.CountAsync(u => u.CouponCodeId == codeId),
            await db.CouponCodes.Where(c => c.Id == codeId).Select(c => (long)c.UsedCount).SingleAsync());
    }
}
