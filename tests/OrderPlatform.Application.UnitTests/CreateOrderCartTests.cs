using NSubstitute;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Domain.Orders;
using static OrderPlatform.Application.UnitTests.World;

namespace OrderPlatform.Application.UnitTests;

/// <summary>Orders from the cart: the source precedence (R14), the items (R41), their lines (R42) and their removal (R43).</summary>
public sealed class CreateOrderCartTests
{
    /// <summary>Product 188 (no SKUs, 9900) x 2.</summary>
    private static readonly CartItem PlainTwice = new(7, 188, 0, 2);

    /// <summary>Product 1, SKU 102 (Large, Red, 5500) x 3.</summary>
    private static readonly CartItem LargeRedShirts = new(8, 1, 102, 3);

    /// <summary>Product 3 (no SKUs, 4900) x 1.</summary>
    private static readonly CartItem Socks = new(9, 3, 0, 1);

    private static readonly Coupon FixedOff1000 = new(
        Id: 50,
        IsActive: true,
        Kind: CouponKind.FixedAmount,
        Money: 1000,
        MaxMoney: 0,
        ConditionAmount: 0,
        StartsAt: null,
        EndsAt: null,
        GoodsScope: new HashSet<long>());

    private static readonly CouponCode PublicCode = new(500, OwnerId: 0, MaxUses: 100, UsedCount: 0, FixedOff1000);

    private static readonly OrderId PlacedOrderId = new(OrderIdValue);

    private readonly HandlerHarness _harness = new();

    // ---------------------------------------------------------------- where the lines come from (R14)

    [Fact]
    public async Task R14_cart_ids_take_precedence_over_details_and_goods_id()
    {
        GivenCart(PlainTwice);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(3, quantity: 5)) with { CartIds = [7], GoodsId = 4, Quantity = 9 }));

        var line = Assert.Single(order.Details);
        Assert.Equal((188L, 2L, 19800L), (line.GoodsId, line.Quantity, line.Amount));
        Assert.Equal(19800, order.Amount);
        await _harness.Catalog.Received(1).FindPublishedAsync(
            Arg.Is<IReadOnlyCollection<long>>(ids => ids.SequenceEqual(new long[] { 188 })),
            Arg.Any<CancellationToken>());
        await _harness.Stock.Received(1).TryReserveAsync(188, null, 2, Arg.Any<CancellationToken>());
        await _harness.Stock.DidNotReceive().TryReserveAsync(Arg.Is<long>(id => id != 188), Arg.Any<long?>(), Arg.Any<int>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R14_details_take_precedence_over_goods_id()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(3)) with { GoodsId = 188, Quantity = 2 }));

        var line = Assert.Single(order.Details);
        Assert.Equal((3L, 1L, 4900L), (line.GoodsId, line.Quantity, line.Amount));
        Assert.Empty(_harness.Cart.ReceivedCalls());
    }

    [Fact]
    public async Task R14_without_cart_ids_the_cart_is_neither_read_nor_changed()
    {
        Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Empty(_harness.Cart.ReceivedCalls());
    }

    // ---------------------------------------------------------------- the cart items (R41)

    [Fact]
    public async Task R41_the_cart_is_asked_for_the_buyers_active_items_among_the_ids()
    {
        GivenCart(PlainTwice, LargeRedShirts);

        Succeeded(await _harness.SendAsync(CartCommand(7, 8)));

        await _harness.Cart.Received(1).FindActiveAsync(
            BuyerId,
            Arg.Is<IReadOnlyCollection<long>>(ids => ids.Order().SequenceEqual(new long[] { 7, 8 })),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R41_a_missing_item_is_cart_item_not_found_at_its_index_with_the_cart_id_and_nothing_else_happens()
    {
        GivenCart(PlainTwice, LargeRedShirts);

        var result = await _harness.SendAsync(CartCommand(7, 9, 8));

        var error = Refused(result, ErrorCode.CartItemNotFound, "cart_ids[1]");
        AssertData(error, "cart_id", 9);
        Assert.Empty(_harness.Catalog.ReceivedCalls());
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData(new long[] { 9, 7, 8 }, 0, 9)]
    [InlineData(new long[] { 7, 8, 9 }, 2, 9)]
    [InlineData(new long[] { 7, 21, 20 }, 1, 21)]
    [InlineData(new long[] { 20, 21 }, 0, 20)]
    [InlineData(new long[] { 7, 7, 8, 22, 22 }, 3, 22)]
    public async Task R41_the_first_missing_id_in_request_order_is_reported(long[] cartIds, int index, long cartId)
    {
        // The cart answers in its own order, not the request's.
        _harness.Cart.FindActiveAsync(BuyerId, Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>())
            .Returns(call => (IReadOnlyList<CartItem>)new[] { LargeRedShirts, PlainTwice }
                .Where(item => call.Arg<IReadOnlyCollection<long>>().Contains(item.Id))
                .ToArray());

        var result = await _harness.SendAsync(CartCommand(cartIds));

        var error = Refused(result, ErrorCode.CartItemNotFound, $"cart_ids[{index}]");
        AssertData(error, "cart_id", cartId);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R41_another_users_item_is_cart_item_not_found_not_forbidden()
    {
        GivenCart(PlainTwice);
        _harness.Cart.FindActiveAsync(4242, Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>())
            .Returns([new CartItem(30, 188, 0, 1)]);

        var result = await _harness.SendAsync(CartCommand(7, 30));

        var error = Refused(result, ErrorCode.CartItemNotFound, "cart_ids[1]");
        AssertData(error, "cart_id", 30);
        await _harness.Cart.DidNotReceive().FindActiveAsync(Arg.Is<long>(user => user != BuyerId), Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>());
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R41_a_repeated_id_counts_once()
    {
        GivenCart(PlainTwice);

        var order = Succeeded(await _harness.SendAsync(CartCommand(7, 7, 7)));

        var line = Assert.Single(order.Details);
        Assert.Equal((188L, 2L, 19800L), (line.GoodsId, line.Quantity, line.Amount));
        Assert.Equal(19800, order.Amount);
        await _harness.Stock.Received(1).TryReserveAsync(188, null, 2, Arg.Any<CancellationToken>());
        await _harness.Cart.Received(1).RemoveAsync(BuyerId, Arg.Is<IReadOnlyCollection<long>>(ids => ids.SequenceEqual(new long[] { 7 })), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R41_repeated_ids_among_others_count_once_and_keep_their_first_position()
    {
        GivenCart(PlainTwice, LargeRedShirts);

        var order = Succeeded(await _harness.SendAsync(CartCommand(8, 7, 8, 7)));

        Assert.Collection(
            order.Details,
            l => Assert.Equal((1L, 102L, 3L, 16500L), (l.GoodsId, l.GoodsSkuId, l.Quantity, l.Amount)),
            l => Assert.Equal((188L, 0L, 2L, 19800L), (l.GoodsId, l.GoodsSkuId, l.Quantity, l.Amount)));
        Assert.Equal(36300, order.Amount);
        await _harness.Cart.Received(1).RemoveAsync(BuyerId, Arg.Is<IReadOnlyCollection<long>>(ids => ids.SequenceEqual(new long[] { 8, 7 })), Arg.Any<CancellationToken>());
    }

    // ---------------------------------------------------------------- items become lines (R42)

    [Fact]
    public async Task R42_a_cart_item_with_a_sku_is_priced_at_the_skus_price_with_its_snapshot()
    {
        GivenCart(LargeRedShirts);

        var order = Succeeded(await _harness.SendAsync(CartCommand(8)));

        var line = Assert.Single(order.Details);
        Assert.Equal(
            (1L, 102L, "Shirt", "Size: Large, Color: Red", 5500L, 5500L, 3L, 16500L, 16500L),
            (line.GoodsId, line.GoodsSkuId, line.Title, line.SkuTitle, line.Price, line.OriginPrice, line.Quantity, line.Amount, line.OriginAmount));
        Assert.Equal(16500, order.OriginAmount);
        Assert.Equal(16500, order.Amount);
        Assert.Equal(SellerId, order.SellerId);
        Assert.Equal(13200, order.SellerAmount);
        await _harness.Stock.Received(1).TryReserveAsync(1, 102, 3, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R42_cart_lines_keep_the_request_order_and_give_the_default_remark()
    {
        GivenCart(PlainTwice, Socks);

        var order = Succeeded(await _harness.SendAsync(CartCommand(9, 7)));

        Assert.Equal([3L, 188L], order.Details.Select(l => l.GoodsId));
        Assert.Equal("Socks...", order.Remark);
        Assert.Equal(24700, order.Amount);
    }

    [Fact]
    public async Task R42_cart_lines_get_the_referral_discount()
    {
        _harness.GivenUser(Buyer with { ParentId = ParentId });
        _harness.GivenUser(new UserAccount(ParentId, true, IsRetailer: false, 0,
            new UserGroup(5, "Gold", IsActive: true, Price: 0, Discount: 90, ShareReward: 0, ParentReward: 0)));
        GivenCart(LargeRedShirts);

        var order = Succeeded(await _harness.SendAsync(CartCommand(8)));

        var line = Assert.Single(order.Details);
        Assert.Equal((4950L, 5500L, 14850L, 16500L), (line.Price, line.OriginPrice, line.Amount, line.OriginAmount));
    }

    [Fact]
    public async Task R42_two_items_of_the_same_goods_and_sku_are_merged()
    {
        GivenCart(PlainTwice, new CartItem(10, 188, 0, 3));

        var order = Succeeded(await _harness.SendAsync(CartCommand(7, 10)));

        var line = Assert.Single(order.Details);
        Assert.Equal((188L, 5L, 49500L), (line.GoodsId, line.Quantity, line.Amount));
        await _harness.Stock.Received(1).TryReserveAsync(188, null, 5, Arg.Any<CancellationToken>());
        await _harness.Cart.Received(1).RemoveAsync(BuyerId, Arg.Is<IReadOnlyCollection<long>>(ids => ids.SequenceEqual(new long[] { 7, 10 })), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R42_an_item_of_an_unpublished_product_is_goods_not_found_at_its_cart_id()
    {
        GivenCart(PlainTwice, new CartItem(10, 999, 0, 1));

        var result = await _harness.SendAsync(CartCommand(7, 10));

        var error = Refused(result, ErrorCode.GoodsNotFound, "cart_ids[1]");
        AssertData(error, "goods_id", 999);
        AssertData(error, "cart_id", 10);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R42_an_item_of_a_product_with_skus_and_no_sku_is_sku_required_at_its_cart_id()
    {
        GivenCart(new CartItem(11, 1, 0, 1));

        var result = await _harness.SendAsync(CartCommand(11));

        var error = Refused(result, ErrorCode.SkuRequired, "cart_ids[0]");
        AssertData(error, "goods_id", 1);
        AssertData(error, "cart_id", 11);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData(1, 999)]
    [InlineData(188, 5)]
    public async Task R42_an_item_whose_sku_is_not_the_products_is_sku_not_found_at_its_cart_id(long goodsId, long skuId)
    {
        GivenCart(Socks, new CartItem(12, goodsId, skuId, 1));

        var result = await _harness.SendAsync(CartCommand(9, 12));

        var error = Refused(result, ErrorCode.SkuNotFound, "cart_ids[1]");
        AssertData(error, "goods_id", goodsId);
        AssertData(error, "sku_id", skuId);
        AssertData(error, "cart_id", 12);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R42_a_repeated_id_reports_errors_at_its_first_position()
    {
        GivenCart(Socks, new CartItem(12, 1, 999, 1));

        var result = await _harness.SendAsync(CartCommand(12, 9, 12));

        var error = Refused(result, ErrorCode.SkuNotFound, "cart_ids[0]");
        AssertData(error, "cart_id", 12);
    }

    [Fact]
    public async Task R42_a_short_item_is_insufficient_stock_at_its_cart_id_and_nothing_is_removed()
    {
        GivenCart(PlainTwice, LargeRedShirts);
        _harness.GivenOutOfStock(1, 102);

        var result = await _harness.SendAsync(CartCommand(7, 8));

        var error = Refused(result, ErrorCode.InsufficientStock, "cart_ids[1]");
        AssertData(error, "goods_id", 1);
        AssertData(error, "sku_id", 102);
        AssertData(error, "cart_id", 8);
        Assert.Null(_harness.AddedOrder);
        await _harness.Orders.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
        await _harness.Cart.DidNotReceiveWithAnyArgs().RemoveAsync(default, default!, default);
    }

    [Fact]
    public async Task R42_items_of_two_sellers_are_cross_store_and_nothing_is_removed()
    {
        GivenCart(PlainTwice, new CartItem(14, 2, 0, 1));

        var result = await _harness.SendAsync(CartCommand(7, 14));

        Refused(result, ErrorCode.CrossStore, field: null);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R42_a_coupon_applies_to_cart_lines()
    {
        GivenCart(PlainTwice, Socks);
        GivenCoupon();

        var order = Succeeded(await _harness.SendAsync(CartCommand(7, 9) with { CouponCodeId = PublicCode.Id }));

        // 1000 over 19800 and 4900: 801.6... and 198.3... -> 802 and 198.
        Assert.Equal(24700, order.OriginAmount);
        Assert.Equal(1000, order.DiscountAmount);
        Assert.Equal(23700, order.Amount);
        Assert.Equal([802L, 198L], order.Details.Select(l => l.DiscountAmount));
        Assert.Equal(PublicCode.Id, order.CouponCodeId);
    }

    [Fact]
    public async Task R42_a_coupon_refused_on_cart_lines_removes_nothing()
    {
        GivenCart(PlainTwice);
        GivenCoupon(PublicCode with { Coupon = FixedOff1000 with { ConditionAmount = 19801 } });

        var result = await _harness.SendAsync(CartCommand(7) with { CouponCode = "COUPON2023" });

        Refused(result, ErrorCode.CouponMinSpendNotMet, "coupon_code");
        await AssertNothingWrittenAsync();
    }

    // ---------------------------------------------------------------- removal (R43)

    [Fact]
    public async Task R43_the_items_are_removed_after_the_order_is_added()
    {
        GivenCart(PlainTwice, LargeRedShirts);

        Succeeded(await _harness.SendAsync(CartCommand(7, 8)));

        await _harness.Cart.Received(1).RemoveAsync(Arg.Any<long>(), Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>());
        Received.InOrder(() =>
        {
            _harness.Cart.FindActiveAsync(BuyerId, Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>());
            _harness.Orders.AddAsync(Arg.Is<Order>(o => o.Id == PlacedOrderId), Arg.Any<CancellationToken>());
            _harness.Cart.RemoveAsync(BuyerId, Arg.Is<IReadOnlyCollection<long>>(ids => ids.SequenceEqual(new long[] { 7, 8 })), Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task R43_with_a_coupon_the_order_is_added_then_the_code_redeemed_then_the_items_removed()
    {
        GivenCart(PlainTwice);
        GivenCoupon();

        Succeeded(await _harness.SendAsync(CartCommand(7) with { CouponCodeId = PublicCode.Id }));

        Received.InOrder(() =>
        {
            _harness.Orders.AddAsync(Arg.Any<Order>(), Arg.Any<CancellationToken>());
            _harness.Coupons.TryRedeemAsync(PublicCode.Id, BuyerId, PlacedOrderId, Arg.Any<CancellationToken>());
            _harness.Cart.RemoveAsync(BuyerId, Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>());
        });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task R43_fewer_items_removed_than_the_distinct_ids_is_cart_item_not_found(int removed)
    {
        GivenCart(PlainTwice, LargeRedShirts);
        _harness.Cart.RemoveAsync(BuyerId, Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>()).Returns(removed);

        var result = await _harness.SendAsync(CartCommand(7, 8, 7));

        Refused(result, ErrorCode.CartItemNotFound, "cart_ids");
        await _harness.Cart.Received(1).RemoveAsync(BuyerId, Arg.Is<IReadOnlyCollection<long>>(ids => ids.SequenceEqual(new long[] { 7, 8 })), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(RedemptionOutcome.UsedUp, ErrorCode.CouponUsedUp)]
    [InlineData(RedemptionOutcome.AlreadyUsed, ErrorCode.CouponAlreadyUsed)]
    public async Task R43_an_order_that_loses_its_coupon_race_removes_nothing(RedemptionOutcome outcome, ErrorCode expected)
    {
        GivenCart(PlainTwice);
        GivenCoupon();
        _harness.Coupons.TryRedeemAsync(default, default, default, default).ReturnsForAnyArgs(outcome);

        var result = await _harness.SendAsync(CartCommand(7) with { CouponCodeId = PublicCode.Id });

        Refused(result, expected, "coupon_code_id");
        await _harness.Cart.DidNotReceiveWithAnyArgs().RemoveAsync(default, default!, default);
    }

    [Fact]
    public async Task R43_a_refused_order_removes_nothing()
    {
        GivenCart(PlainTwice);

        var result = await _harness.SendAsync(CartCommand(7) with { Address = new CreateOrderAddress { Id = 77 } });

        Refused(result, ErrorCode.AddressNotFound, "address.id");
        await AssertNothingWrittenAsync();
    }

    // ---------------------------------------------------------------- helpers

    private static CreateOrderCommand CartCommand(params long[] cartIds) => new() { CartIds = cartIds };

    /// <summary>
    /// The buyer's active cart items: the cart finds those among the ids asked for, and removes
    /// those among the ids given, saying how many.
    /// </summary>
    private void GivenCart(params CartItem[] items)
    {
        _harness.Cart.FindActiveAsync(BuyerId, Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>())
            .Returns(call => (IReadOnlyList<CartItem>)items.Where(item => call.Arg<IReadOnlyCollection<long>>().Contains(item.Id)).ToArray());
        _harness.Cart.RemoveAsync(BuyerId, Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>())
            .Returns(call => items.Count(item => call.Arg<IReadOnlyCollection<long>>().Contains(item.Id)));
    }

    private void GivenCoupon(CouponCode? code = null)
    {
        code ??= PublicCode;
        _harness.Coupons.FindByIdAsync(code.Id, Arg.Any<CancellationToken>()).Returns(code);
        _harness.Coupons.FindByCodeAsync("COUPON2023", Arg.Any<CancellationToken>()).Returns(code);
        _harness.Coupons.TryRedeemAsync(default, default, default, default).ReturnsForAnyArgs(RedemptionOutcome.Redeemed);
    }

    /// <summary>A refused order writes nothing: no order, no coupon use, no stock, no cart change (section 13).</summary>
    private async Task AssertNothingWrittenAsync()
    {
        Assert.Null(_harness.AddedOrder);
        await _harness.Orders.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
        await _harness.Coupons.DidNotReceiveWithAnyArgs().TryRedeemAsync(default, default, default, default);
        await _harness.Stock.DidNotReceiveWithAnyArgs().TryReserveAsync(default, default, default, default);
        await _harness.Cart.DidNotReceiveWithAnyArgs().RemoveAsync(default, default!, default);
    }
}
