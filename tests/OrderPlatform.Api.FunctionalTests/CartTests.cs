using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// Spec section 9 over HTTP; each test gets a freshly seeded service. User 1000's cart: item 1
/// (188 x1), item 2 (T-shirt Large x1), item 3 (jacket Cotton/Small x2), item 4 inactive; item 5 is
/// user 2001's.
/// </summary>
public sealed class CartTests : IDisposable
{
    private readonly OrderPlatformApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task R41_R42_R43_cart_items_become_lines_and_leave_the_cart_with_the_order()
    {
        var envelope = await _factory.PlaceAsync("""{"cart_ids":[1,2,3]}""");

        var lines = envelope.Data.GetProperty("details");
        Assert.Equal(3, lines.GetArrayLength());
        Assert.Equal(2, lines[1].GetProperty("goods_sku_id").GetInt64());
        Assert.Equal("Size: Large", lines[1].GetProperty("sku_title").GetString());
        Assert.Equal(2, lines[2].GetProperty("quantity").GetInt64());
        Assert.Equal(9900 + 5900 + (2 * 9900), envelope.Data.GetProperty("amount").GetInt64());
        Assert.Equal("AnQiCMS Pro licence...", envelope.Data.GetProperty("remark").GetString());
        Assert.Equal([4L, 5L], await CartItemIdsAsync());
    }

    [Fact]
    public async Task R14_cart_ids_win_over_details_and_goods_id()
    {
        var envelope = await _factory.PlaceAsync("""{"cart_ids":[2],"details":[{"goods_id":188}],"goods_id":188}""");

        var line = Assert.Single(envelope.Data.GetProperty("details").EnumerateArray());
        Assert.Equal(1, line.GetProperty("goods_id").GetInt64());
    }

    [Fact]
    public async Task R41_repeated_cart_ids_count_once()
    {
        var envelope = await _factory.PlaceAsync("""{"cart_ids":[1,1]}""");

        Assert.Equal(1, Assert.Single(envelope.Data.GetProperty("details").EnumerateArray()).GetProperty("quantity").GetInt64());
    }

    [Fact]
    public async Task R41_R43_a_cart_order_with_a_coupon_redeems_it_and_empties_the_items()
    {
        var envelope = await _factory.PlaceAsync("""{"cart_ids":[1],"coupon_code":"COUPON2023"}""");

        Assert.Equal(7900, envelope.Data.GetProperty("amount").GetInt64());
        Assert.DoesNotContain(1L, await CartItemIdsAsync());
    }

    [Theory]
    [InlineData("""{"cart_ids":[1,5]}""", "cart_ids[1]", 5)]
    [InlineData("""{"cart_ids":[4]}""", "cart_ids[0]", 4)]
    [InlineData("""{"cart_ids":[999,1]}""", "cart_ids[0]", 999)]
    public async Task R41_another_users_inactive_or_unknown_item_is_not_found_and_nothing_is_written(string body, string field, long cartId)
    {
        var refused = await _factory.RefuseAsync(body);

        Assert.Equal("cart_item_not_found", refused.Error);
        Assert.Equal(field, refused.Field);
        Assert.Equal(cartId, refused.Data.GetProperty("cart_id").GetInt64());
    }

    [Fact]
    public async Task R42_a_cart_line_is_checked_like_any_line_and_its_error_names_the_cart_item()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrderPlatformDbContext>();
            await db.ProductSkus.Where(s => s.Id == 2).ExecuteUpdateAsync(set => set.SetProperty(s => s.Stock, 0));
        }

        var refused = await _factory.RefuseAsync("""{"cart_ids":[1,2]}""");

        Assert.Equal("insufficient_stock", refused.Error);
        Assert.Equal("cart_ids[1]", refused.Field);
        Assert.Equal(2, refused.Data.GetProperty("cart_id").GetInt64());
        Assert.Equal(2, refused.Data.GetProperty("sku_id").GetInt64());
    }

    private async Task<List<long>> CartItemIdsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderPlatformDbContext>().CartItems.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
    }
}
