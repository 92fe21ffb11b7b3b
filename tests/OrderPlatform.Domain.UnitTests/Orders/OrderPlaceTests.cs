using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Domain.UnitTests.Orders;

public sealed class OrderPlaceTests
{
    private static readonly OrderPlacement Placement = Build.Placement();

    [Fact]
    public void R51_placed_order_is_pending_payment_with_identity_buyer_and_type()
    {
        var order = Build.Placed(Placement, Build.Line(188, 9900));

        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Equal(new OrderId(46), order.Id);
        Assert.Equal(Build.BuyerId, order.BuyerId);
        Assert.Equal(OrderType.Goods, order.Type);
        Assert.Equal(Build.Cny, order.Currency);
    }

    [Fact]
    public void R52_placed_order_carries_the_order_number()
    {
        var order = Build.Placed(Placement, Build.Line(188, 9900));

        Assert.Equal("202211232209080046", order.Number);
    }

    [Fact]
    public void R50_single_product_example_of_the_api_document()
    {
        var order = Build.Placed(Placement, Build.Line(188, 9900));

        Assert.Equal(Build.Fen(9900), order.OriginAmount);
        Assert.Equal(Build.Fen(9900), order.GoodsAmount);
        Assert.Equal(Build.Fen(0), order.DiscountAmount);
        Assert.Equal(Build.Fen(9900), order.Amount);
        Assert.Equal(Build.SellerId, order.SellerId);
        Assert.Equal(Build.Fen(7920), order.SellerAmount);
        Assert.Equal(Build.Fen(0), order.ShareAmount);
        Assert.Equal(Build.Fen(0), order.ShareParentAmount);
        Assert.Equal(0, order.ShareUserId);
        Assert.Equal(0, order.ShareParentUserId);
    }

    [Fact]
    public void R33_line_amounts_are_origin_price_and_unit_price_times_quantity()
    {
        var order = Build.Placed(
            Placement,
            Build.Line(1, unitPrice: 9000, quantity: 3, skuId: 1, originPrice: 10000),
            Build.Line(2, unitPrice: 450, quantity: 2, skuId: 3, originPrice: 500));

        Assert.Equal(2, order.Lines.Count);
        var first = order.Lines[0];
        Assert.Equal(Build.Fen(9000), first.UnitPrice);
        Assert.Equal(Build.Fen(10000), first.OriginPrice);
        Assert.Equal(3, first.Quantity);
        Assert.Equal(Build.Fen(27000), first.Amount);
        Assert.Equal(Build.Fen(30000), first.OriginAmount);
        var second = order.Lines[1];
        Assert.Equal(Build.Fen(900), second.Amount);
        Assert.Equal(Build.Fen(1000), second.OriginAmount);
    }

    [Fact]
    public void R33_order_origin_amount_and_goods_total_are_sums_of_the_lines()
    {
        var order = Build.Placed(
            Placement,
            Build.Line(1, unitPrice: 9000, quantity: 3, skuId: 1, originPrice: 10000),
            Build.Line(2, unitPrice: 450, quantity: 2, skuId: 3, originPrice: 500));

        Assert.Equal(Build.Fen(31000), order.OriginAmount);
        Assert.Equal(Build.Fen(27900), order.GoodsAmount);
        Assert.Equal(Build.Fen(27900), order.Amount);
        Assert.Equal(Build.Fen(22320), order.SellerAmount);
    }

    [Fact]
    public void R25_line_keeps_the_snapshot_of_what_was_ordered()
    {
        SkuOptionValue[] values = [new(7, 1, "Denim", "Fiber"), new(9, 2, "Small", "Size")];
        var draft = Build.Line(1, 5000, quantity: 2, skuId: 1) with { Snapshot = LineSnapshot.Of("Jeans", values) };

        var line = Assert.Single(Build.Placed(Placement, draft).Lines);

        Assert.Equal(1, line.GoodsId);
        Assert.Equal(1, line.SkuId);
        Assert.Equal("Jeans", line.Snapshot.ProductTitle);
        Assert.Equal("Fiber: Denim, Size: Small", line.Snapshot.SkuTitle);
        Assert.Equal(values, line.Snapshot.OptionValues);
        Assert.Equal(Build.Cny, line.Currency);
    }

    [Fact]
    public void R16_lines_with_the_same_goods_and_sku_are_merged_by_adding_quantities()
    {
        var order = Build.Placed(
            Placement,
            Build.Line(1, 1200, quantity: 2, skuId: 1),
            Build.Line(2, 300, quantity: 1),
            Build.Line(1, 1200, quantity: 3, skuId: 1));

        Assert.Equal(2, order.Lines.Count);
        var merged = order.Lines[0];
        Assert.Equal(1, merged.GoodsId);
        Assert.Equal(1, merged.SkuId);
        Assert.Equal(5, merged.Quantity);
        Assert.Equal(Build.Fen(6000), merged.Amount);
        Assert.Equal(Build.Fen(6000), merged.OriginAmount);
        Assert.Equal(2, order.Lines[1].GoodsId);
        Assert.Equal(Build.Fen(6300), order.Amount);
    }

    [Fact]
    public void R16_lines_without_a_sku_of_the_same_goods_are_merged()
    {
        var order = Build.Placed(Placement, Build.Line(188, 9900), Build.Line(188, 9900, quantity: 2));

        var line = Assert.Single(order.Lines);
        Assert.Null(line.SkuId);
        Assert.Equal(3, line.Quantity);
        Assert.Equal(Build.Fen(29700), order.Amount);
    }

    [Fact]
    public void R16_distinct_skus_of_the_same_goods_are_kept_apart()
    {
        var order = Build.Placed(
            Placement,
            Build.Line(1, 1200, quantity: 2, skuId: 1),
            Build.Line(1, 1500, quantity: 1, skuId: 2),
            Build.Line(1, 1000, quantity: 1));

        Assert.Equal(3, order.Lines.Count);
        Assert.Equal([1L, 2L, null], order.Lines.Select(l => l.SkuId));
        Assert.Equal([2, 1, 1], order.Lines.Select(l => l.Quantity));
        Assert.Equal(Build.Fen(4900), order.Amount);
    }

    [Fact]
    public void R16_same_sku_id_of_different_goods_is_kept_apart()
    {
        var order = Build.Placed(Placement, Build.Line(1, 100, skuId: 3), Build.Line(2, 200, skuId: 3));

        Assert.Equal([1L, 2L], order.Lines.Select(l => l.GoodsId));
    }

    [Fact]
    public void R15_R16_a_merged_line_over_the_quantity_limit_is_invalid_quantity()
    {
        var placement = Placement with { MaxQuantityPerLine = 10 };

        var error = Build.Refused(placement, Build.Line(1, 100, quantity: 6), Build.Line(1, 100, quantity: 5));

        Assert.Equal(new DomainError(DomainErrorCode.InvalidQuantity), error);
    }

    [Fact]
    public void R16_more_distinct_lines_than_max_lines_is_too_many_items()
    {
        var placement = Placement with { MaxLines = 2 };

        var error = Build.Refused(placement, Build.Line(1, 100), Build.Line(2, 100), Build.Line(3, 100));

        Assert.Equal(new DomainError(DomainErrorCode.TooManyItems), error);
    }

    [Fact]
    public void R16_exactly_max_lines_distinct_lines_is_accepted()
    {
        var placement = Placement with { MaxLines = 2 };

        var order = Build.Placed(placement, Build.Line(1, 100), Build.Line(2, 100));

        Assert.Equal(2, order.Lines.Count);
    }

    [Fact]
    public void R16_merged_lines_count_once_towards_max_lines()
    {
        var placement = Placement with { MaxLines = 2 };

        var order = Build.Placed(placement, Build.Line(1, 100), Build.Line(2, 100), Build.Line(1, 100), Build.Line(2, 100));

        Assert.Equal(2, order.Lines.Count);
        Assert.Equal(Build.Fen(400), order.Amount);
    }

    [Fact]
    public void R16_default_max_lines_of_100_allows_100_and_refuses_101()
    {
        var hundred = Enumerable.Range(1, 100).Select(i => Build.Line(i, 1)).ToArray();
        var hundredAndOne = Enumerable.Range(1, 101).Select(i => Build.Line(i, 1)).ToArray();

        Assert.Equal(100, Build.Placed(Placement, hundred).Lines.Count);
        Assert.Equal(DomainErrorCode.TooManyItems, Build.Refused(Placement, hundredAndOne).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void R15_a_quantity_that_is_not_positive_is_refused(int quantity)
    {
        var error = Build.Refused(Placement, Build.Line(188, 9900), Build.Line(1, 100, quantity: quantity));

        Assert.Equal(new DomainError(DomainErrorCode.InvalidQuantity), error);
    }

    [Fact]
    public void An_order_needs_at_least_one_line()
    {
        Assert.Throws<DomainException>(() => Order.Place(Placement, [], Build.PlacedAt));
    }

    [Fact]
    public void Placement_and_lines_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => Order.Place(null!, [Build.Line(188, 9900)], Build.PlacedAt));
        Assert.Throws<ArgumentNullException>(() => Order.Place(Placement, null!, Build.PlacedAt));
    }

    [Fact]
    public void R36_a_line_in_another_currency_cannot_join_the_order()
    {
        var usd = Currency.Of("USD");
        var line = Build.Line(1, 100) with { UnitPrice = Money.Of(100, usd), OriginPrice = Money.Of(100, usd) };

        Assert.Throws<DomainException>(() => Order.Place(Placement, [line], Build.PlacedAt));
    }

    [Fact]
    public void R36_a_line_whose_origin_price_is_in_another_currency_cannot_join_the_order()
    {
        var line = Build.Line(1, 100) with { OriginPrice = Money.Of(100, Currency.Of("USD")) };

        Assert.Throws<DomainException>(() => Order.Place(Placement, [line], Build.PlacedAt));
    }

    [Fact]
    public void R36_order_amounts_are_in_the_placement_currency()
    {
        var usd = Currency.Of("USD");
        var placement = Placement with { Currency = usd };
        var line = Build.Line(1, 100) with { UnitPrice = Money.Of(100, usd), OriginPrice = Money.Of(120, usd) };

        var order = Build.Placed(placement, line);

        Assert.Equal(usd, order.Currency);
        Assert.Equal(Money.Of(100, usd), order.Amount);
        Assert.Equal(Money.Of(120, usd), order.OriginAmount);
        Assert.Equal(Money.Of(80, usd), order.SellerAmount);
    }

    [Fact]
    public void R46_lines_of_different_sellers_are_refused_as_cross_store()
    {
        var error = Build.Refused(Placement, Build.Line(1, 100, sellerId: 15), Build.Line(2, 100, sellerId: 16));

        Assert.Equal(new DomainError(DomainErrorCode.CrossStore), error);
    }

    [Fact]
    public void R46_cross_store_is_found_on_any_later_line()
    {
        var error = Build.Refused(
            Placement,
            Build.Line(1, 100, sellerId: 15),
            Build.Line(2, 100, sellerId: 15),
            Build.Line(3, 100, sellerId: 0));

        Assert.Equal(DomainErrorCode.CrossStore, error.Code);
    }

    [Fact]
    public void R46_seller_is_the_owner_of_the_products()
    {
        var order = Build.Placed(Placement, Build.Line(1, 100, sellerId: 77), Build.Line(2, 100, sellerId: 77));

        Assert.Equal(77, order.SellerId);
    }

    [Fact]
    public void R35_an_amount_of_exactly_10_to_the_12_is_accepted()
    {
        var order = Build.Placed(Placement, Build.Line(1, 500_000_000_000, quantity: 2));

        Assert.Equal(Order.MaxAmountMinorUnits, order.Amount.MinorUnits);
        Assert.Equal(1_000_000_000_000, order.OriginAmount.MinorUnits);
    }

    [Fact]
    public void R35_an_amount_over_10_to_the_12_is_refused()
    {
        var error = Build.Refused(Placement, Build.Line(1, 500_000_000_000, quantity: 2), Build.Line(2, 1));

        Assert.Equal(new DomainError(DomainErrorCode.AmountTooLarge), error);
    }

    [Fact]
    public void R35_a_single_price_over_10_to_the_12_is_refused()
    {
        Assert.Equal(DomainErrorCode.AmountTooLarge, Build.Refused(Placement, Build.Line(1, 1_000_000_000_001)).Code);
    }

    [Fact]
    public void R35_an_order_asking_more_than_10_to_the_12_is_refused_even_when_its_origin_amount_is_within_the_limit()
    {
        // The limit is on what the order asks for (Order.MaxAmountMinorUnits); the origin amount alone does not bound it.
        var error = Build.Refused(Placement, Build.Line(1, unitPrice: 1_000_000_000_001, originPrice: 1_000_000_000_000));

        Assert.Equal(new DomainError(DomainErrorCode.AmountTooLarge), error);
    }

    [Fact]
    public void R35_huge_quantity_times_price_that_overflows_64_bits_is_amount_too_large()
    {
        var error = Build.Refused(Placement, Build.Line(1, 10_000_000_000, quantity: int.MaxValue));

        Assert.Equal(new DomainError(DomainErrorCode.AmountTooLarge), error);
    }

    [Fact]
    public void R35_a_sum_of_lines_that_overflows_64_bits_is_amount_too_large()
    {
        var error = Build.Refused(Placement, Build.Line(1, long.MaxValue), Build.Line(2, long.MaxValue));

        Assert.Equal(new DomainError(DomainErrorCode.AmountTooLarge), error);
    }

    [Fact]
    public void R35_merged_quantities_past_the_32_bit_limit_are_amount_too_large()
    {
        var error = Build.Refused(Placement, Build.Line(1, 1, quantity: int.MaxValue), Build.Line(1, 1, quantity: 1));

        Assert.Equal(new DomainError(DomainErrorCode.AmountTooLarge), error);
    }

    [Fact]
    public void R50_seller_amount_is_the_seller_percent_of_the_amount_truncated()
    {
        var placement = Placement with { Earnings = EarningsPolicy.SellerOnly(33) };

        var order = Build.Placed(placement, Build.Line(1, 9999));

        Assert.Equal(Build.Fen(3299), order.SellerAmount);
    }

    [Fact]
    public void R50_no_seller_means_no_seller_amount()
    {
        var order = Build.Placed(Placement, Build.Line(1, 9900, sellerId: 0));

        Assert.Equal(0, order.SellerId);
        Assert.Equal(Build.Fen(0), order.SellerAmount);
        Assert.Equal(Build.Fen(9900), order.Amount);
    }

    [Fact]
    public void R50_seller_percent_of_zero_and_of_a_hundred()
    {
        Assert.Equal(Build.Fen(0), Build.Placed(Placement with { Earnings = EarningsPolicy.SellerOnly(0) }, Build.Line(1, 9900)).SellerAmount);
        Assert.Equal(Build.Fen(9900), Build.Placed(Placement with { Earnings = EarningsPolicy.SellerOnly(100) }, Build.Line(1, 9900)).SellerAmount);
    }

    [Fact]
    public void R48_R49_share_amounts_are_truncated_and_seller_amount_is_taken_from_the_remainder()
    {
        var placement = Placement with { Earnings = new EarningsPolicy(80, new Promoter(501, 7), new Promoter(502, 3)) };

        var order = Build.Placed(placement, Build.Line(1, 9999));

        Assert.Equal(501, order.ShareUserId);
        Assert.Equal(502, order.ShareParentUserId);
        Assert.Equal(Build.Fen(699), order.ShareAmount); // 699.93
        Assert.Equal(Build.Fen(299), order.ShareParentAmount); // 299.97
        Assert.Equal(Build.Fen(7200), order.SellerAmount); // (9999 - 699 - 299) x 80 % = 7200.8
        Assert.Equal(Build.Fen(9999), order.Amount);
    }

    [Fact]
    public void R48_a_promoter_without_a_parent_gets_the_share_alone()
    {
        var placement = Placement with { Earnings = new EarningsPolicy(80, new Promoter(501, 10), null) };

        var order = Build.Placed(placement, Build.Line(1, 10000));

        Assert.Equal(501, order.ShareUserId);
        Assert.Equal(0, order.ShareParentUserId);
        Assert.Equal(Build.Fen(1000), order.ShareAmount);
        Assert.Equal(Build.Fen(0), order.ShareParentAmount);
        Assert.Equal(Build.Fen(7200), order.SellerAmount);
    }

    [Fact]
    public void R48_a_promoter_with_a_zero_rate_is_recorded_but_earns_nothing()
    {
        var placement = Placement with { Earnings = new EarningsPolicy(80, new Promoter(501, 0), new Promoter(502, 0)) };

        var order = Build.Placed(placement, Build.Line(1, 9900));

        Assert.Equal(501, order.ShareUserId);
        Assert.Equal(502, order.ShareParentUserId);
        Assert.Equal(Build.Fen(0), order.ShareAmount);
        Assert.Equal(Build.Fen(0), order.ShareParentAmount);
        Assert.Equal(Build.Fen(7920), order.SellerAmount);
    }

    [Fact]
    public void R45_R50_vip_order_has_no_seller_amount_but_promoter_amounts_apply()
    {
        var placement = Placement with
        {
            Type = OrderType.Vip,
            Earnings = new EarningsPolicy(80, new Promoter(501, 10), new Promoter(502, 5)),
        };

        var order = Build.Placed(placement, Build.Line(3, 20000, quantity: 2, sellerId: 0));

        Assert.Equal(OrderType.Vip, order.Type);
        Assert.Equal(Build.Fen(40000), order.Amount);
        Assert.Equal(Build.Fen(4000), order.ShareAmount);
        Assert.Equal(Build.Fen(2000), order.ShareParentAmount);
        Assert.Equal(Build.Fen(0), order.SellerAmount);
    }

    [Fact]
    public void R53_payment_deadline_is_placement_time_plus_the_window()
    {
        var order = Build.Placed(Placement, Build.Line(188, 9900));

        Assert.Equal(Build.PlacedAt.AddMinutes(30), order.PaymentDeadline);
        Assert.Equal(Build.PlacedAt, order.CreatedAt);
        Assert.Equal(Build.PlacedAt, order.UpdatedAt);
    }

    [Fact]
    public void R53_no_payment_window_means_no_deadline()
    {
        var order = Build.Placed(Placement with { PaymentWindow = null }, Build.Line(188, 9900));

        Assert.Null(order.PaymentDeadline);
    }

    [Fact]
    public void R18_default_remark_is_the_product_title_for_one_line()
    {
        var order = Build.Placed(Placement, Build.Line(188, 9900, title: "Tea set"));

        Assert.Equal("Tea set", order.Remark);
    }

    [Fact]
    public void R18_default_remark_is_the_first_title_and_dots_for_several_lines()
    {
        var order = Build.Placed(Placement, Build.Line(1, 100, title: "Tea set"), Build.Line(2, 100, title: "Cups"));

        Assert.Equal("Tea set...", order.Remark);
    }

    [Fact]
    public void R18_merged_lines_are_one_line_for_the_default_remark()
    {
        var order = Build.Placed(Placement, Build.Line(1, 100, title: "Tea set"), Build.Line(1, 100, title: "Tea set"));

        Assert.Equal("Tea set", order.Remark);
    }

    [Fact]
    public void R18_the_buyers_remark_is_trimmed_and_kept()
    {
        var order = Build.Placed(Placement with { Remark = "  Please ring twice \n" }, Build.Line(1, 100, title: "Tea set"));

        Assert.Equal("Please ring twice", order.Remark);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\t")]
    public void R18_a_blank_remark_is_replaced_by_the_default(string? remark)
    {
        var order = Build.Placed(Placement with { Remark = remark }, Build.Line(1, 100, title: "Tea set"));

        Assert.Equal("Tea set", order.Remark);
    }

    [Fact]
    public void R18_vip_order_default_remark_is_the_group_title()
    {
        var placement = Placement with { Type = OrderType.Vip };

        var order = Build.Placed(placement, Build.Line(3, 20000, sellerId: 0, title: "Gold membership"));

        Assert.Equal("Gold membership", order.Remark);
    }

    [Fact]
    public void R18_vip_order_keeps_the_buyers_remark()
    {
        var placement = Placement with { Type = OrderType.Vip, Remark = " for my wife " };

        var order = Build.Placed(placement, Build.Line(3, 20000, sellerId: 0));

        Assert.Equal("for my wife", order.Remark);
    }

    [Fact]
    public void R18_vip_order_without_a_group_title_has_an_empty_remark()
    {
        var order = Build.Placed(Placement with { Type = OrderType.Vip }, Build.Line(3, 20000, sellerId: 0, title: string.Empty));

        Assert.Equal(string.Empty, order.Remark);
    }

    [Fact]
    public void R54_custom_form_url_has_the_order_number_filled_in()
    {
        var line = Build.Line(188, 9900) with { CustomFormUrlTemplate = "https://forms.example.com/f/9?order={order_id}" };

        var order = Build.Placed(Placement, line);

        Assert.Equal("https://forms.example.com/f/9?order=202211232209080046", order.CustomFormUrl);
    }

    [Fact]
    public void R54_every_placeholder_of_the_template_is_replaced()
    {
        var line = Build.Line(188, 9900) with { CustomFormUrlTemplate = "https://x.example/{order_id}/form?ref={order_id}" };

        var order = Build.Placed(Placement, line);

        Assert.Equal("https://x.example/202211232209080046/form?ref=202211232209080046", order.CustomFormUrl);
    }

    [Fact]
    public void R54_a_later_lines_template_is_used_when_the_first_has_none()
    {
        var order = Build.Placed(
            Placement,
            Build.Line(1, 100) with { CustomFormUrlTemplate = "  " },
            Build.Line(2, 100) with { CustomFormUrlTemplate = "https://forms.example.com/?id={order_id}" });

        Assert.Equal("https://forms.example.com/?id=202211232209080046", order.CustomFormUrl);
    }

    [Fact]
    public void R54_no_template_means_no_custom_form_url()
    {
        var order = Build.Placed(Placement, Build.Line(1, 100), Build.Line(2, 100));

        Assert.Null(order.CustomFormUrl);
    }

    [Fact]
    public void R31_order_keeps_its_own_copy_of_the_shipping_address_and_the_address_id()
    {
        var address = Build.ValidAddress();
        var placement = Placement with { ShipTo = new ShippingDestination(7, address) };

        var order = Build.Placed(placement, Build.Line(188, 9900));

        Assert.Equal(7, order.AddressId);
        Assert.NotNull(order.ShippingAddress);
        Assert.Equal(address, order.ShippingAddress);
        Assert.Equal("王先生", order.ShippingAddress.Name);
        Assert.Equal("中原西路233号", order.ShippingAddress.Detail);
    }

    [Fact]
    public void R28_an_order_without_an_address_has_none()
    {
        var order = Build.Placed(Placement, Build.Line(188, 9900));

        Assert.Null(order.AddressId);
        Assert.Null(order.ShippingAddress);
    }

    [Fact]
    public void R34_without_a_coupon_there_is_no_discount_and_no_coupon()
    {
        var order = Build.Placed(Placement, Build.Line(1, 100), Build.Line(2, 200));

        Assert.Equal(Build.Fen(0), order.DiscountAmount);
        Assert.Null(order.CouponId);
        Assert.Null(order.CouponCodeId);
        Assert.All(order.Lines, l => Assert.Equal(Build.Fen(0), l.DiscountAmount));
    }

    [Fact]
    public void R24_a_free_product_gives_a_zero_amount_order()
    {
        var order = Build.Placed(Placement, Build.Line(1, 0, quantity: 3));

        Assert.Equal(Build.Fen(0), order.Amount);
        Assert.Equal(Build.Fen(0), order.SellerAmount);
    }
}
