using AutoMapper;
using NSubstitute;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Mapping;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;
using static OrderPlatform.Application.UnitTests.World;

namespace OrderPlatform.Application.UnitTests;

public sealed class CreateOrderCommandHandlerTests
{
    private static readonly UserGroup Gold = new(5, "Gold", IsActive: true, Price: 0, Discount: 0, ShareReward: 10, ParentReward: 5);
    private static readonly UserGroup VipGroup = new(7, "Gold VIP", IsActive: true, Price: 20000, Discount: 0, ShareReward: 0, ParentReward: 0);

    private readonly HandlerHarness _harness = new();

    // ---------------------------------------------------------------- who is calling (R9, R10)

    [Fact]
    public async Task R9_unknown_buyer_is_not_logged_in_and_nothing_else_is_read_or_written()
    {
        _harness.Users.FindUserAsync(BuyerId, Arg.Any<CancellationToken>()).Returns((UserAccount?)null);

        var result = await _harness.SendAsync(Command(Detail(188)));

        var error = Refused(result, ErrorCode.NotLoggedIn, field: null);
        Assert.Empty(error.Data);
        Assert.Empty(_harness.Catalog.ReceivedCalls());
        Assert.Empty(_harness.AddressBook.ReceivedCalls());
        Assert.Empty(_harness.Stock.ReceivedCalls());
        Assert.Empty(_harness.Orders.ReceivedCalls());
    }

    [Fact]
    public async Task R10_disabled_buyer_is_not_authorized_before_the_catalog_is_read()
    {
        _harness.GivenUser(Buyer with { IsActive = false });

        var result = await _harness.SendAsync(Command(Detail(188)) with { Address = ValidAddress() });

        Refused(result, ErrorCode.NotAuthorized, field: null);
        Assert.Empty(_harness.Catalog.ReceivedCalls());
        Assert.Empty(_harness.AddressBook.ReceivedCalls());
        Assert.Empty(_harness.Stock.ReceivedCalls());
        Assert.Empty(_harness.Orders.ReceivedCalls());
    }

    [Fact]
    public async Task R12_the_buyer_is_the_current_user()
    {
        _harness.GivenUser(Buyer with { Id = 1234 });
        _harness.CurrentUserId = 1234;

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(1234, order.UserId);
        await _harness.Users.Received(1).FindUserAsync(1234, Arg.Any<CancellationToken>());
    }

    // ---------------------------------------------------------------- products and SKUs (R21-R25)

    [Fact]
    public async Task R21_unknown_goods_is_goods_not_found_at_the_line_path()
    {
        var result = await _harness.SendAsync(Command(Detail(188), Detail(999)));

        var error = Refused(result, ErrorCode.GoodsNotFound, "details[1].goods_id");
        AssertData(error, "goods_id", 999);
        Assert.Empty(_harness.Stock.ReceivedCalls());
        Assert.Null(_harness.AddedOrder);
    }

    [Fact]
    public async Task R21_unknown_goods_by_top_level_goods_id_is_reported_at_goods_id()
    {
        var result = await _harness.SendAsync(new CreateOrderCommand { GoodsId = 999 });

        var error = Refused(result, ErrorCode.GoodsNotFound, "goods_id");
        AssertData(error, "goods_id", 999);
    }

    [Fact]
    public async Task R21_the_catalog_is_asked_once_for_the_distinct_goods_ids()
    {
        Succeeded(await _harness.SendAsync(Command(Detail(188), Detail(3), Detail(188))));

        await _harness.Catalog.Received(1).FindPublishedAsync(
            Arg.Is<IReadOnlyCollection<long>>(ids => ids.Order().SequenceEqual(new long[] { 3, 188 })),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R21_goods_not_found_is_decided_before_the_address_is_looked_at()
    {
        var result = await _harness.SendAsync(Command(Detail(999)) with { Address = new CreateOrderAddress { Id = 5 } });

        Refused(result, ErrorCode.GoodsNotFound, "details[0].goods_id");
        Assert.Empty(_harness.AddressBook.ReceivedCalls());
    }

    [Fact]
    public async Task R22_product_with_skus_and_no_choice_is_sku_required()
    {
        var result = await _harness.SendAsync(Command(Detail(188), Detail(1)));

        var error = Refused(result, ErrorCode.SkuRequired, "details[1].goods_sku_id");
        AssertData(error, "goods_id", 1);
        Assert.Empty(_harness.Stock.ReceivedCalls());
    }

    [Fact]
    public async Task R22_goods_sku_id_that_is_not_a_sku_of_the_product_is_sku_not_found()
    {
        var result = await _harness.SendAsync(Command(Detail(1, skuId: 999)));

        var error = Refused(result, ErrorCode.SkuNotFound, "details[0].goods_sku_id");
        AssertData(error, "goods_id", 1);
        AssertData(error, "sku_id", 999);
    }

    [Theory]
    [InlineData(new long[] { 12, 22 })]
    [InlineData(new long[] { 11 })]
    [InlineData(new long[] { 11, 21, 22 })]
    [InlineData(new long[] { 99 })]
    public async Task R22_sku_values_matching_no_sku_exactly_are_sku_not_found(long[] values)
    {
        var result = await _harness.SendAsync(Command(Detail(1, skuValues: values)));

        var error = Refused(result, ErrorCode.SkuNotFound, "details[0].sku_values");
        AssertData(error, "goods_id", 1);
        AssertData(error, "sku_id", 0);
    }

    [Fact]
    public async Task R22_sku_values_matching_two_skus_are_sku_not_found()
    {
        _harness.GivenProduct(World.Shirt with
        {
            Skus = [new CatalogSku(101, 5000, [Small, Red]), new CatalogSku(109, 5100, [Red, Small])],
        });

        var result = await _harness.SendAsync(Command(Detail(1, skuValues: [11, 21])));

        Refused(result, ErrorCode.SkuNotFound, "details[0].sku_values");
    }

    [Fact]
    public async Task R22_sku_is_chosen_by_its_exact_option_value_set_in_any_order()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(1, skuValues: [22, 11]))));

        var line = Assert.Single(order.Details);
        Assert.Equal(1, line.GoodsId);
        Assert.Equal(103, line.GoodsSkuId);
        Assert.Equal(5200, line.Price);
        await _harness.Stock.Received(1).TryReserveAsync(1, 103, 1, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R22_goods_sku_id_is_authoritative_and_sku_values_are_not_checked()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(1, skuId: 102, skuValues: [11, 22]))));

        var line = Assert.Single(order.Details);
        Assert.Equal(102, line.GoodsSkuId);
        Assert.Equal(5500, line.Price);
    }

    [Fact]
    public async Task R23_product_without_skus_refuses_a_goods_sku_id_other_than_0()
    {
        var result = await _harness.SendAsync(Command(Detail(188, skuId: 5)));

        var error = Refused(result, ErrorCode.SkuNotFound, "details[0].goods_sku_id");
        AssertData(error, "goods_id", 188);
        AssertData(error, "sku_id", 5);
        Assert.Empty(_harness.Stock.ReceivedCalls());
    }

    [Fact]
    public async Task R23_product_without_skus_ignores_a_goods_sku_id_of_0()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(188, skuId: 0))));

        var line = Assert.Single(order.Details);
        Assert.Equal(0, line.GoodsSkuId);
        Assert.Equal(9900, line.Price);
        await _harness.Stock.Received(1).TryReserveAsync(188, null, 1, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R24_the_skus_price_is_used_not_the_products()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(1, quantity: 2, skuId: 102))));

        var line = Assert.Single(order.Details);
        Assert.Equal(5500, line.Price);
        Assert.Equal(5500, line.OriginPrice);
        Assert.Equal(11000, line.Amount);
        Assert.Equal(11000, order.Amount);
        Assert.Equal(11000, order.OriginAmount);
    }

    [Fact]
    public async Task R25_the_line_keeps_a_snapshot_of_title_sku_title_and_option_values()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(1, skuId: 103))));

        var line = Assert.Single(order.Details);
        Assert.Equal("Shirt", line.Title);
        Assert.Equal("Size: Small, Color: Blue", line.SkuTitle);
        Assert.Collection(
            line.SkuValues,
            v => Assert.Equal((11L, 1L, "Small", "Size"), (v.Id, v.OptionId, v.Title, v.OptionTitle)),
            v => Assert.Equal((22L, 2L, "Blue", "Color"), (v.Id, v.OptionId, v.Title, v.OptionTitle)));
    }

    // ---------------------------------------------------------------- quantities and lines (R15, R16, R18)

    [Fact]
    public async Task R15_quantity_0_or_absent_means_1()
    {
        var order = Succeeded(await _harness.SendAsync(new CreateOrderCommand { GoodsId = 188 }));

        var line = Assert.Single(order.Details);
        Assert.Equal(1, line.Quantity);
        Assert.Equal(9900, order.Amount);
    }

    [Fact]
    public async Task R16_lines_for_the_same_goods_and_sku_are_merged_and_reserved_once()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(188, quantity: 2), Detail(1, skuId: 101), Detail(188))));

        Assert.Collection(
            order.Details,
            l => Assert.Equal((188L, 0L, 3L, 29700L), (l.GoodsId, l.GoodsSkuId, l.Quantity, l.Amount)),
            l => Assert.Equal((1L, 101L, 1L, 5000L), (l.GoodsId, l.GoodsSkuId, l.Quantity, l.Amount)));
        Assert.Equal(34700, order.Amount);
        await _harness.Stock.Received(1).TryReserveAsync(188, null, 3, Arg.Any<CancellationToken>());
        await _harness.Stock.Received(1).TryReserveAsync(1, 101, 1, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R16_more_distinct_lines_than_max_lines_is_too_many_items()
    {
        _harness.OrderOptions.MaxLines = 1;

        var result = await _harness.SendAsync(Command(Detail(188), Detail(3)));

        Refused(result, ErrorCode.TooManyItems, field: null);
        Assert.Empty(_harness.Stock.ReceivedCalls());
        Assert.Null(_harness.AddedOrder);
    }

    [Fact]
    public async Task R18_empty_remark_is_the_first_title_plus_dots_when_there_are_more_lines()
    {
        var single = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { Remark = "   " }));
        var several = Succeeded(await _harness.SendAsync(Command(Detail(3), Detail(188))));

        Assert.Equal("Demo product", single.Remark);
        Assert.Equal("Socks...", several.Remark);
    }

    [Fact]
    public async Task R18_a_remark_is_kept_trimmed()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { Remark = "  leave at the door  " }));

        Assert.Equal("leave at the door", order.Remark);
    }

    // ---------------------------------------------------------------- client prices (R19)

    [Fact]
    public async Task R19_a_different_unit_price_is_price_changed_with_the_current_price()
    {
        var result = await _harness.SendAsync(Command(Detail(3), Detail(188, price: 9800)));

        var error = Refused(result, ErrorCode.PriceChanged, "details[1].price");
        AssertData(error, "goods_id", 188);
        AssertData(error, "sku_id", 0);
        AssertData(error, "price", 9900);
        Assert.Empty(_harness.Stock.ReceivedCalls());
        Assert.Null(_harness.AddedOrder);
    }

    [Fact]
    public async Task R19_a_different_total_price_is_price_changed_with_the_current_price()
    {
        var result = await _harness.SendAsync(Command(Detail(1, quantity: 2, skuId: 102, price: 5500, totalPrice: 11001)));

        var error = Refused(result, ErrorCode.PriceChanged, "details[0].total_price");
        AssertData(error, "goods_id", 1);
        AssertData(error, "sku_id", 102);
        AssertData(error, "price", 5500);
    }

    [Fact]
    public async Task R19_matching_price_and_total_price_are_accepted()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(188, quantity: 2, price: 9900, totalPrice: 19800))));

        Assert.Equal(19800, order.Amount);
    }

    [Fact]
    public async Task R19_the_claimed_price_is_compared_after_the_referral_discount()
    {
        GivenParentWithDiscount(90);

        var stale = await _harness.SendAsync(Command(Detail(3, price: 4900)));
        var current = await _harness.SendAsync(Command(Detail(3, quantity: 2, price: 4410, totalPrice: 8820)));

        var error = Refused(stale, ErrorCode.PriceChanged, "details[0].price");
        AssertData(error, "price", 4410);
        Assert.Equal(8820, Succeeded(current).Amount);
    }

    // ---------------------------------------------------------------- referral discount (R32, R33)

    [Fact]
    public async Task R32_parent_group_discount_90_makes_4900_cost_4410()
    {
        GivenParentWithDiscount(90);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(3, quantity: 3))));

        var line = Assert.Single(order.Details);
        Assert.Equal(4900, line.OriginPrice);
        Assert.Equal(4410, line.Price);
        Assert.Equal(14700, line.OriginAmount);
        Assert.Equal(13230, line.Amount);
        Assert.Equal(14700, order.OriginAmount);
        Assert.Equal(13230, order.Amount);
    }

    [Fact]
    public async Task R32_the_discount_is_truncated_per_unit_before_multiplying()
    {
        GivenParentWithDiscount(90);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(4, quantity: 2))));

        var line = Assert.Single(order.Details);
        Assert.Equal(895, line.Price);
        Assert.Equal(1790, line.Amount);
        Assert.Equal(1990, line.OriginAmount);
    }

    [Fact]
    public async Task R32_the_discount_applies_to_the_sku_price()
    {
        GivenParentWithDiscount(90);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(1, skuId: 102))));

        Assert.Equal(4950, Assert.Single(order.Details).Price);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(150)]
    [InlineData(-10)]
    public async Task R32_a_discount_outside_1_to_99_is_no_discount(int discount)
    {
        GivenParentWithDiscount(discount);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(3))));

        Assert.Equal(4900, Assert.Single(order.Details).Price);
    }

    [Fact]
    public async Task R32_a_parent_without_a_group_gives_no_discount()
    {
        _harness.GivenUser(Buyer with { ParentId = ParentId });
        _harness.GivenUser(new UserAccount(ParentId, true, true, 0, Group: null));

        var order = Succeeded(await _harness.SendAsync(Command(Detail(3))));

        Assert.Equal(4900, Assert.Single(order.Details).Price);
    }

    // ---------------------------------------------------------------- stock (R26)

    [Fact]
    public async Task R26_a_short_line_is_insufficient_stock_and_the_order_is_not_added()
    {
        _harness.GivenOutOfStock(188, null);

        var result = await _harness.SendAsync(Command(Detail(188, quantity: 2)));

        var error = Refused(result, ErrorCode.InsufficientStock, "details[0].quantity");
        AssertData(error, "goods_id", 188);
        AssertData(error, "sku_id", 0);
        await _harness.Orders.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
        Assert.Null(_harness.AddedOrder);
    }

    [Fact]
    public async Task R26_a_short_sku_names_the_goods_and_sku_and_the_write_step_rolls_every_line_back()
    {
        _harness.GivenOutOfStock(1, 102);

        var result = await _harness.SendAsync(Command(Detail(188), Detail(1, skuId: 102), Detail(3)));

        var error = Refused(result, ErrorCode.InsufficientStock, "details[1].quantity");
        AssertData(error, "goods_id", 1);
        AssertData(error, "sku_id", 102);
        Assert.Equal(1, _harness.UnitOfWork.RolledBack);
        await _harness.Orders.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }

    [Fact]
    public async Task R26_with_several_short_lines_the_first_in_request_order_is_named_whatever_the_locking_order()
    {
        _harness.GivenOutOfStock(188, null);
        _harness.GivenOutOfStock(1, 102);

        var result = await _harness.SendAsync(Command(Detail(3), Detail(188), Detail(1, skuId: 102)));

        var error = Refused(result, ErrorCode.InsufficientStock, "details[1].quantity");
        AssertData(error, "goods_id", 188);
    }

    [Fact]
    public async Task R26_stock_is_reserved_per_line_in_goods_then_sku_order_before_the_order_is_added()
    {
        Succeeded(await _harness.SendAsync(Command(Detail(188, quantity: 2), Detail(1, skuId: 103, quantity: 3), Detail(1, skuId: 101))));

        Received.InOrder(() =>
        {
            _harness.Stock.TryReserveAsync(1, 101, 1, Arg.Any<CancellationToken>());
            _harness.Stock.TryReserveAsync(1, 103, 3, Arg.Any<CancellationToken>());
            _harness.Stock.TryReserveAsync(188, null, 2, Arg.Any<CancellationToken>());
            _harness.Orders.AddAsync(Arg.Any<Order>(), Arg.Any<CancellationToken>());
        });
    }

    // ---------------------------------------------------------------- seller (R46)

    [Fact]
    public async Task R46_lines_of_two_sellers_are_cross_store_and_nothing_is_reserved()
    {
        var result = await _harness.SendAsync(Command(Detail(188), Detail(2)));

        Refused(result, ErrorCode.CrossStore, field: null);
        Assert.Empty(_harness.Stock.ReceivedCalls());
        Assert.Null(_harness.AddedOrder);
    }

    [Fact]
    public async Task R46_seller_id_is_the_products_owner()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(2))));

        Assert.Equal(16, order.SellerId);
        Assert.Equal(1200, order.SellerAmount);
    }

    // ---------------------------------------------------------------- VIP orders (R44, R45)

    [Fact]
    public async Task R44_vip_order_buys_periods_of_the_group_at_its_price_with_no_seller_and_no_stock()
    {
        _harness.GivenGroup(VipGroup);

        var order = Succeeded(await _harness.SendAsync(new CreateOrderCommand { Type = "vip", GoodsId = 7, Quantity = 2 }));

        Assert.Equal("vip", order.Type);
        Assert.Equal("Gold VIP", order.Remark);
        Assert.Equal(0, order.SellerId);
        Assert.Equal(0, order.SellerAmount);
        Assert.Equal(40000, order.Amount);
        Assert.Equal(40000, order.OriginAmount);
        var line = Assert.Single(order.Details);
        Assert.Equal((7L, 0L, 20000L, 2L, "Gold VIP"), (line.GoodsId, line.GoodsSkuId, line.Price, line.Quantity, line.Title));
        Assert.Empty(_harness.Stock.ReceivedCalls());
        Assert.Empty(_harness.Catalog.ReceivedCalls());
        Assert.NotNull(_harness.AddedOrder);
        Assert.Equal(OrderType.Vip, _harness.AddedOrder.Type);
    }

    [Fact]
    public async Task R45_vip_price_gets_the_referral_discount_and_promoter_amounts()
    {
        _harness.GivenGroup(VipGroup);
        _harness.GivenUser(Buyer with { ParentId = ParentId });
        _harness.GivenUser(new UserAccount(ParentId, true, IsRetailer: true, 0, Gold with { Discount = 90 }));

        var order = Succeeded(await _harness.SendAsync(Command(Detail(7)) with { Type = "vip" }));

        Assert.Equal(18000, Assert.Single(order.Details).Price);
        Assert.Equal(18000, order.Amount);
        Assert.Equal(ParentId, order.ShareUserId);
        Assert.Equal(1800, order.ShareAmount);
        Assert.Equal(0, order.SellerAmount);
    }

    [Theory]
    [InlineData(false, true, 20000)]
    [InlineData(true, false, 20000)]
    [InlineData(true, true, 0)]
    public async Task R44_missing_inactive_or_free_group_is_vip_group_not_found(bool exists, bool active, long price)
    {
        if (exists)
        {
            _harness.GivenGroup(VipGroup with { IsActive = active, Price = price });
        }

        var result = await _harness.SendAsync(new CreateOrderCommand { Type = "vip", GoodsId = 7 });

        var error = Refused(result, ErrorCode.VipGroupNotFound, "goods_id");
        AssertData(error, "goods_id", 7);
        Assert.Null(_harness.AddedOrder);
    }

    [Fact]
    public async Task R44_vip_from_details_is_reported_at_the_details_path()
    {
        var result = await _harness.SendAsync(Command(Detail(8)) with { Type = "vip" });

        Refused(result, ErrorCode.VipGroupNotFound, "details[0].goods_id");
    }

    // ---------------------------------------------------------------- shipping address (R28-R31)

    [Fact]
    public async Task R28_no_address_gives_address_id_0_and_no_copy()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(0, order.AddressId);
        Assert.Null(order.OrderAddress);
        Assert.Empty(_harness.AddressBook.ReceivedCalls());
    }

    [Fact]
    public async Task R29_an_id_that_is_not_the_buyers_is_address_not_found_and_nothing_is_reserved()
    {
        var result = await _harness.SendAsync(Command(Detail(188)) with { Address = new CreateOrderAddress { Id = 5 } });

        var error = Refused(result, ErrorCode.AddressNotFound, "address.id");
        AssertData(error, "address_id", 5);
        await _harness.AddressBook.Received(1).FindAsync(BuyerId, 5, Arg.Any<CancellationToken>());
        Assert.Empty(_harness.Stock.ReceivedCalls());
        Assert.Null(_harness.AddedOrder);
    }

    [Fact]
    public async Task R29_an_incomplete_saved_address_used_by_id_alone_is_invalid_address_at_its_missing_part()
    {
        _harness.AddressBook.FindAsync(BuyerId, 5, Arg.Any<CancellationToken>()).Returns(SavedAddress() with { Postcode = null });

        var result = await _harness.SendAsync(Command(Detail(188)) with { Address = new CreateOrderAddress { Id = 5 } });

        Refused(result, ErrorCode.InvalidAddress, field: "address.postcode");
        Assert.Null(_harness.AddedOrder);
    }

    [Fact]
    public async Task R29_an_incomplete_saved_address_can_be_completed_by_sending_it_whole_with_its_id()
    {
        _harness.AddressBook.FindAsync(BuyerId, 5, Arg.Any<CancellationToken>()).Returns(SavedAddress() with { Postcode = null });
        var complete = new CreateOrderAddress
        {
            Id = 5, Name = "Han Meimei", Phone = "010-12345678", Province = "Beijing", City = "Beijing", Country = "Chaoyang",
            AddressInfo = "2 Jianguo Road", Postcode = "100020",
        };

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { Address = complete }));

        Assert.Equal(5, order.AddressId);
        await _harness.AddressBook.Received(1).UpdateAsync(BuyerId, 5, Arg.Is<Address>(a => a.Postcode == "100020"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R29_a_saved_address_by_id_alone_is_used_as_it_is()
    {
        var saved = SavedAddress();
        _harness.AddressBook.FindAsync(BuyerId, 5, Arg.Any<CancellationToken>()).Returns(saved);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { Address = new CreateOrderAddress { Id = 5 } }));

        Assert.Equal(5, order.AddressId);
        var copy = Assert.IsType<OrderAddressDto>(order.OrderAddress);
        Assert.Equal(
            ("Han Meimei", "010-12345678", "Beijing", "Beijing", "Chaoyang", "2 Jianguo Road", "100020"),
            (copy.Name, copy.Phone, copy.Province, copy.City, copy.Country, copy.AddressInfo, copy.Postcode));
        await _harness.AddressBook.DidNotReceiveWithAnyArgs().UpdateAsync(default, default, default!, default);
        await _harness.AddressBook.DidNotReceiveWithAnyArgs().AddForAsync(default!, default);
        await _harness.AddressBook.DidNotReceiveWithAnyArgs().FindIdenticalAsync(default, default!, default);
    }

    [Fact]
    public async Task R29_a_saved_address_with_members_is_updated_in_place_and_copied()
    {
        _harness.AddressBook.FindAsync(BuyerId, 5, Arg.Any<CancellationToken>()).Returns(SavedAddress());

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { Address = ValidAddress(id: 5) }));

        Assert.Equal(5, order.AddressId);
        Assert.Equal("Li Lei", order.OrderAddress?.Name);
        Assert.Equal("Nanshan", order.OrderAddress?.Country);
        Assert.Equal("1 Keyuan Road", order.OrderAddress?.AddressInfo);
        await _harness.AddressBook.Received(1).UpdateAsync(
            BuyerId, 5, Arg.Is<Address>(a => a.Name == "Li Lei" && a.District == "Nanshan" && a.Postcode == "518000"), Arg.Any<CancellationToken>());
        await _harness.AddressBook.DidNotReceiveWithAnyArgs().AddForAsync(default!, default);
    }

    [Fact]
    public async Task R29_a_saved_address_deleted_before_its_update_is_written_is_a_stale_read_and_the_write_step_rolls_back()
    {
        _harness.AddressBook.FindAsync(BuyerId, 5, Arg.Any<CancellationToken>()).Returns(SavedAddress());
        _harness.AddressBook.UpdateAsync(BuyerId, 5, Arg.Any<Address>(), Arg.Any<CancellationToken>()).Returns(false);

        var result = await _harness.SendAsync(Command(Detail(188)) with { Address = ValidAddress(id: 5) });

        var error = Refused(result, ErrorCode.AddressNotFound, "address.id");
        AssertData(error, "address_id", 5);
        Assert.Equal((1, 1), (_harness.UnitOfWork.RolledBack, _harness.UnitOfWork.StaleReads));
        await _harness.Orders.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task R29_R30_a_saved_address_used_as_it_is_must_still_be_there_when_the_order_is_written(bool stillThere)
    {
        _harness.AddressBook.FindAsync(BuyerId, 5, Arg.Any<CancellationToken>()).Returns(SavedAddress());
        _harness.AddressBook.KeepAsync(BuyerId, 5, Arg.Any<CancellationToken>()).Returns(stillThere);

        var result = await _harness.SendAsync(Command(Detail(188)) with { Address = new CreateOrderAddress { Id = 5 } });

        if (stillThere)
        {
            Assert.Equal(5, Succeeded(result).AddressId);
        }
        else
        {
            Refused(result, ErrorCode.AddressNotFound, "address.id");
            Assert.Equal(1, _harness.UnitOfWork.StaleReads);
        }
    }

    [Fact]
    public async Task R29_members_sent_with_an_id_must_form_a_valid_address()
    {
        _harness.AddressBook.FindAsync(BuyerId, 5, Arg.Any<CancellationToken>()).Returns(SavedAddress());

        var result = await _harness.SendAsync(Command(Detail(188)) with { Address = ValidAddress(id: 5) with { Postcode = "518#000" } });

        Refused(result, ErrorCode.InvalidAddress, "address.postcode");
        await _harness.AddressBook.DidNotReceiveWithAnyArgs().UpdateAsync(default, default, default!, default);
        Assert.Null(_harness.AddedOrder);
    }

    [Fact]
    public async Task R30_an_identical_saved_address_is_reused_not_added()
    {
        _harness.AddressBook.FindIdenticalAsync(BuyerId, Arg.Any<Address>(), Arg.Any<CancellationToken>()).Returns(9L);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { Address = ValidAddress() }));

        Assert.Equal(9, order.AddressId);
        Assert.Equal("Li Lei", order.OrderAddress?.Name);
        await _harness.AddressBook.DidNotReceiveWithAnyArgs().AddForAsync(default!, default);
    }

    [Fact]
    public async Task R30_a_new_address_is_added_to_the_buyers_book_trimmed()
    {
        _harness.AddressBook.FindIdenticalAsync(BuyerId, Arg.Any<Address>(), Arg.Any<CancellationToken>()).Returns((long?)null);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { Address = ValidAddress() }));

        Assert.Equal("+86 138-0000-0000", order.OrderAddress?.Phone);
        await _harness.AddressBook.Received(1).AddForAsync(Arg.Is<Order>(o => o.BuyerId == BuyerId && o.ShippingAddress!.Name == "Li Lei"), Arg.Any<CancellationToken>());
        await _harness.AddressBook.DidNotReceiveWithAnyArgs().UpdateAsync(default, default, default!, default);
    }

    [Fact]
    public async Task R30_an_invalid_new_address_is_invalid_address_at_its_part()
    {
        var result = await _harness.SendAsync(Command(Detail(188)) with { Address = ValidAddress() with { Phone = "12" } });

        Refused(result, ErrorCode.InvalidAddress, "address.phone");
        await _harness.AddressBook.DidNotReceiveWithAnyArgs().AddForAsync(default!, default);
        Assert.Empty(_harness.Stock.ReceivedCalls());
    }

    [Fact]
    public async Task R31_the_order_keeps_its_own_copy_of_the_address()
    {
        Succeeded(await _harness.SendAsync(Command(Detail(188)) with { Address = ValidAddress() }));

        Assert.NotNull(_harness.AddedOrder);
        await _harness.AddressBook.Received(1).AddForAsync(_harness.AddedOrder, Arg.Any<CancellationToken>());
        Assert.Equal("Shenzhen", _harness.AddedOrder.ShippingAddress?.City);
    }

    // ---------------------------------------------------------------- promoters and seller (R47-R50)

    [Fact]
    public async Task R50_no_promoter_leaves_the_seller_80_percent()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal((0L, 0L, 0L, 0L), (order.ShareUserId, order.ShareAmount, order.ShareParentUserId, order.ShareParentAmount));
        Assert.Equal(7920, order.SellerAmount);
    }

    [Fact]
    public async Task R50_seller_percent_comes_from_the_options()
    {
        _harness.OrderOptions.SellerPercent = 50;

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(4950, order.SellerAmount);
    }

    [Fact]
    public async Task R48_R49_retailer_parent_and_grandparent_share_the_order_before_the_seller()
    {
        GivenPromoterChain(parentIsRetailer: true, grandparentIsRetailer: true);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(ParentId, order.ShareUserId);
        Assert.Equal(990, order.ShareAmount);
        Assert.Equal(GrandparentId, order.ShareParentUserId);
        Assert.Equal(495, order.ShareParentAmount);
        Assert.Equal(6732, order.SellerAmount);
    }

    [Fact]
    public async Task R48_amounts_are_truncated_from_the_discounted_amount()
    {
        GivenPromoterChain(parentIsRetailer: true, grandparentIsRetailer: true, discount: 90);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(8910, order.Amount);
        Assert.Equal(891, order.ShareAmount);
        Assert.Equal(445, order.ShareParentAmount);
        Assert.Equal(6059, order.SellerAmount);
    }

    [Fact]
    public async Task R48_a_parent_who_is_not_a_promoter_earns_nothing_without_become_retailer()
    {
        GivenPromoterChain(parentIsRetailer: false, grandparentIsRetailer: false);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(ParentId, order.ShareUserId);
        Assert.Equal(0, order.ShareAmount);
        Assert.Equal(GrandparentId, order.ShareParentUserId);
        Assert.Equal(0, order.ShareParentAmount);
        Assert.Equal(7920, order.SellerAmount);
    }

    [Fact]
    public async Task R48_become_retailer_makes_every_user_with_a_group_a_promoter()
    {
        _harness.RetailerOptions.BecomeRetailer = true;
        GivenPromoterChain(parentIsRetailer: false, grandparentIsRetailer: false, grandparentGroup: null);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(ParentId, order.ShareUserId);
        Assert.Equal(990, order.ShareAmount);
        Assert.Equal(GrandparentId, order.ShareParentUserId);
        Assert.Equal(0, order.ShareParentAmount);
        Assert.Equal(7128, order.SellerAmount);
    }

    [Fact]
    public async Task R49_the_promoters_parent_earns_at_the_promoters_groups_parent_rate()
    {
        GivenPromoterChain(parentIsRetailer: false, grandparentIsRetailer: true);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(0, order.ShareAmount);
        Assert.Equal(GrandparentId, order.ShareParentUserId);
        Assert.Equal(495, order.ShareParentAmount);
        Assert.Equal(7524, order.SellerAmount);
    }

    [Fact]
    public async Task R47_allow_self_makes_a_retailer_buyer_the_promoter_and_the_parent_the_promoters_parent()
    {
        _harness.RetailerOptions.AllowSelf = true;
        _harness.GivenUser(Buyer with { IsRetailer = true, ParentId = ParentId, Group = Gold });
        _harness.GivenUser(new UserAccount(ParentId, true, IsRetailer: true, GrandparentId, Group: null));

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(BuyerId, order.ShareUserId);
        Assert.Equal(990, order.ShareAmount);
        Assert.Equal(ParentId, order.ShareParentUserId);
        Assert.Equal(495, order.ShareParentAmount);
        Assert.Equal(6732, order.SellerAmount);
        await _harness.Users.DidNotReceive().FindUserAsync(GrandparentId, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R47_allow_self_with_become_retailer_makes_a_buyer_with_a_group_the_promoter()
    {
        _harness.RetailerOptions.AllowSelf = true;
        _harness.RetailerOptions.BecomeRetailer = true;
        _harness.GivenUser(Buyer with { Group = Gold });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(BuyerId, order.ShareUserId);
        Assert.Equal(990, order.ShareAmount);
        Assert.Equal(0, order.ShareParentUserId);
        Assert.Equal(7128, order.SellerAmount);
    }

    [Fact]
    public async Task R47_allow_self_does_not_make_a_buyer_who_is_no_promoter_the_promoter()
    {
        _harness.RetailerOptions.AllowSelf = true;
        GivenPromoterChain(parentIsRetailer: true, grandparentIsRetailer: false);
        _harness.GivenUser(Buyer with { ParentId = ParentId, Group = Gold });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(ParentId, order.ShareUserId);
        Assert.Equal(990, order.ShareAmount);
    }

    [Fact]
    public async Task R47_without_allow_self_a_retailer_buyer_credits_the_parent()
    {
        GivenPromoterChain(parentIsRetailer: true, grandparentIsRetailer: false);
        _harness.GivenUser(Buyer with { IsRetailer = true, ParentId = ParentId, Group = Gold with { ShareReward = 50 } });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(ParentId, order.ShareUserId);
        Assert.Equal(990, order.ShareAmount);
    }

    // ---------------------------------------------------------------- the created order (R51-R54)

    [Fact]
    public async Task R51_the_single_product_example_maps_every_field()
    {
        var order = Succeeded(await _harness.SendAsync(new CreateOrderCommand { GoodsId = 188, Quantity = 1 }));

        var created = World.Now.ToUnixTimeSeconds();
        Assert.Equal(46, order.Id);
        Assert.Equal("202211232209080046", order.OrderId);
        Assert.Equal(18, order.OrderId.Length);
        Assert.True(order.OrderId.All(char.IsAsciiDigit));
        Assert.Equal(string.Empty, order.PaymentId);
        Assert.Equal(BuyerId, order.UserId);
        Assert.Equal(0, order.AddressId);
        Assert.Equal("Demo product", order.Remark);
        Assert.Equal("goods", order.Type);
        Assert.Equal(0, order.Status);
        Assert.Equal(0, order.RefundStatus);
        Assert.Equal(9900, order.OriginAmount);
        Assert.Equal(9900, order.Amount);
        Assert.Equal(0, order.DiscountAmount);
        Assert.Equal(0, order.PaidTime);
        Assert.Equal(created + (30 * 60), order.EndTime);
        Assert.Equal(0, order.DeliverTime);
        Assert.Equal(0, order.FinishedTime);
        Assert.Equal(SellerId, order.SellerId);
        Assert.Equal(7920, order.SellerAmount);
        Assert.Equal(0, order.ShareUserId);
        Assert.Equal(0, order.ShareParentUserId);
        Assert.Equal(0, order.ShareAmount);
        Assert.Equal(0, order.ShareParentAmount);
        Assert.Equal(string.Empty, order.ExpressCompany);
        Assert.Equal(string.Empty, order.TrackingNumber);
        Assert.Equal(created, order.CreatedTime);
        Assert.Equal(created, order.UpdatedTime);
        Assert.Equal(0, order.CouponId);
        Assert.Equal(0, order.CouponCodeId);
        Assert.Null(order.OrderAddress);
        Assert.Null(order.CustomFormUrl);
        var line = Assert.Single(order.Details);
        Assert.Equal(
            (188L, 0L, "Demo product", "", 9900L, 9900L, 1L, 9900L, 9900L, 0L),
            (line.GoodsId, line.GoodsSkuId, line.Title, line.SkuTitle, line.Price, line.OriginPrice, line.Quantity, line.Amount, line.OriginAmount, line.DiscountAmount));
        Assert.Empty(line.SkuValues);
    }

    [Fact]
    public async Task R51_the_added_order_is_the_one_returned()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.NotNull(_harness.AddedOrder);
        Assert.Equal(order.OrderId, _harness.AddedOrder.Number);
        Assert.Equal(BuyerId, _harness.AddedOrder.BuyerId);
        Assert.Equal(OrderStatus.PendingPayment, _harness.AddedOrder.Status);
        await _harness.Orders.Received(1).AddAsync(Arg.Any<Order>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R52_the_order_number_uses_the_configured_time_zone()
    {
        _harness.OrderOptions.TimeZone = "UTC";

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal("202211231409080046", order.OrderId);
    }

    [Fact]
    public async Task R53_end_time_follows_auto_close_minutes_and_is_0_when_off()
    {
        _harness.OrderOptions.AutoCloseMinutes = 45;
        var closing = Succeeded(await _harness.SendAsync(Command(Detail(188))));
        _harness.OrderOptions.AutoCloseMinutes = 0;
        var open = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(World.Now.ToUnixTimeSeconds() + (45 * 60), closing.EndTime);
        Assert.Equal(0, open.EndTime);
    }

    [Fact]
    public async Task R54_a_custom_form_link_gets_the_order_number()
    {
        _harness.GivenProduct(World.Plain with { CustomFormUrl = "https://shop.example/form?order={order_id}" });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal("https://shop.example/form?order=202211232209080046", order.CustomFormUrl);
    }

    [Fact]
    public void R51_the_mapping_profile_is_complete()
    {
        var configuration = new MapperConfiguration(cfg => cfg.AddProfile<OrderMappingProfile>());

        configuration.AssertConfigurationIsValid();
    }

    // ---------------------------------------------------------------- helpers

    private static AddressParts SavedAddress() => new()
    {
        Name = "Han Meimei",
        Phone = "010-12345678",
        Province = "Beijing",
        City = "Beijing",
        District = "Chaoyang",
        Detail = "2 Jianguo Road",
        Postcode = "100020",
    };

    private void GivenParentWithDiscount(int discount)
    {
        _harness.GivenUser(Buyer with { ParentId = ParentId });
        _harness.GivenUser(new UserAccount(ParentId, true, IsRetailer: false, 0, Gold with { Discount = discount, ShareReward = 0, ParentReward = 0 }));
    }

    /// <summary>Buyer 1000 -> parent 2000 (group Gold: share 10 %, parent 5 %) -> grandparent 3000.</summary>
    private void GivenPromoterChain(bool parentIsRetailer, bool grandparentIsRetailer, int discount = 0, UserGroup? grandparentGroup = null)
    {
        _harness.GivenUser(Buyer with { ParentId = ParentId });
        _harness.GivenUser(new UserAccount(ParentId, true, parentIsRetailer, GrandparentId, Gold with { Discount = discount }));
        _harness.GivenUser(new UserAccount(GrandparentId, true, grandparentIsRetailer, 0, grandparentGroup));
    }
}
