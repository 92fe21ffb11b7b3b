using NSubstitute;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Domain.Orders;
using static OrderPlatform.Application.UnitTests.World;

namespace OrderPlatform.Application.UnitTests;

/// <summary>Coupons on create order: which code (R37), whether it can be redeemed (R38), what it takes off (R39), the redemption (R40).</summary>
public sealed class CreateOrderCouponTests
{
    private const string CodeText = "COUPON2023";
    private const long CouponId = 50;
    private const long CodeId = 500;

    /// <summary>1000 off everything, always valid: the demo's public code.</summary>
    private static readonly Coupon FixedOff1000 = new(
        Id: CouponId,
        IsActive: true,
        Kind: CouponKind.FixedAmount,
        Money: 1000,
        MaxMoney: 0,
        ConditionAmount: 0,
        StartsAt: null,
        EndsAt: null,
        GoodsScope: new HashSet<long>());

    private static readonly CouponCode PublicCode = new(CodeId, OwnerId: 0, MaxUses: 100, UsedCount: 3, FixedOff1000);

    private static readonly OrderId PlacedOrderId = new(OrderIdValue);

    private static readonly UserGroup VipGroup = new(7, "Gold VIP", IsActive: true, Price: 20000, Discount: 0, ShareReward: 0, ParentReward: 0);

    private readonly HandlerHarness _harness = new();

    public static TheoryData<string> CouponMembers => ["coupon_code_id", "coupon_code", "coupon_id"];

    /// <summary>The members that name one code; coupon_id asks for the buyer's own code that they have not redeemed.</summary>
    public static TheoryData<string> CodeMembers => ["coupon_code_id", "coupon_code"];

    // ---------------------------------------------------------------- which code (R37)

    [Fact]
    public async Task R37_no_coupon_member_means_no_coupon_and_the_coupon_book_is_not_read()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(188))));

        Assert.Equal(0, order.DiscountAmount);
        Assert.Equal(0, order.CouponId);
        Assert.Equal(0, order.CouponCodeId);
        Assert.Empty(_harness.Coupons.ReceivedCalls());
    }

    [Fact]
    public async Task R37_a_blank_coupon_code_is_no_coupon()
    {
        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCode = " \t " }));

        Assert.Equal(9900, order.Amount);
        Assert.Equal(0, order.CouponCodeId);
        Assert.Empty(_harness.Coupons.ReceivedCalls());
    }

    [Fact]
    public async Task R37_coupon_code_id_names_the_code_and_the_order_records_its_coupon_and_code()
    {
        GivenCode(PublicCode);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId }));

        Assert.Equal(CouponId, order.CouponId);
        Assert.Equal(CodeId, order.CouponCodeId);
        Assert.Equal(1000, order.DiscountAmount);
        await _harness.Coupons.Received(1).FindByIdAsync(CodeId, Arg.Any<CancellationToken>());
        await _harness.Coupons.DidNotReceiveWithAnyArgs().FindByCodeAsync(default!, default);
        await _harness.Coupons.DidNotReceiveWithAnyArgs().FindOwnUnusedAsync(default, default, default);
    }

    [Fact]
    public async Task R37_coupon_code_is_trimmed_and_passed_as_spelled_to_find_by_code()
    {
        _harness.Coupons.FindByCodeAsync("Coupon2023", Arg.Any<CancellationToken>()).Returns(PublicCode);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCode = "  Coupon2023\t" }));

        Assert.Equal(CodeId, order.CouponCodeId);
        await _harness.Coupons.Received(1).FindByCodeAsync("Coupon2023", Arg.Any<CancellationToken>());
        await _harness.Coupons.DidNotReceive().FindByCodeAsync(Arg.Is<string>(c => c != "Coupon2023"), Arg.Any<CancellationToken>());
        await _harness.Coupons.DidNotReceiveWithAnyArgs().FindByIdAsync(default, default);
        await _harness.Coupons.DidNotReceiveWithAnyArgs().FindOwnUnusedAsync(default, default, default);
    }

    [Fact]
    public async Task R37_a_code_in_another_case_is_not_folded_and_is_coupon_not_found_at_coupon_code()
    {
        _harness.Coupons.FindByCodeAsync(CodeText, Arg.Any<CancellationToken>()).Returns(PublicCode);

        var result = await _harness.SendAsync(Command(Detail(188)) with { CouponCode = " coupon2023 " });

        Refused(result, ErrorCode.CouponNotFound, "coupon_code");
        await _harness.Coupons.Received(1).FindByCodeAsync("coupon2023", Arg.Any<CancellationToken>());
        await _harness.Coupons.DidNotReceive().FindByCodeAsync(CodeText, Arg.Any<CancellationToken>());
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R37_coupon_id_redeems_the_buyers_own_unused_code_of_that_coupon()
    {
        var personal = new CouponCode(501, OwnerId: BuyerId, MaxUses: 1, UsedCount: 0, FixedOff1000);
        _harness.Coupons.FindOwnUnusedAsync(BuyerId, CouponId, Arg.Any<CancellationToken>()).Returns(personal);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponId = CouponId }));

        Assert.Equal(CouponId, order.CouponId);
        Assert.Equal(501, order.CouponCodeId);
        Assert.Equal(8900, order.Amount);
        await _harness.Coupons.Received(1).FindOwnUnusedAsync(BuyerId, CouponId, Arg.Any<CancellationToken>());
        await _harness.Coupons.DidNotReceiveWithAnyArgs().FindByIdAsync(default, default);
        await _harness.Coupons.DidNotReceiveWithAnyArgs().FindByCodeAsync(default!, default);
        await _harness.Coupons.Received(1).TryRedeemAsync(501, BuyerId, PlacedOrderId, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R37_coupon_code_id_and_coupon_code_naming_the_same_code_are_no_conflict()
    {
        GivenCode(PublicCode);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId, CouponCode = CodeText }));

        Assert.Equal(CodeId, order.CouponCodeId);
        await _harness.Coupons.Received(1).TryRedeemAsync(CodeId, BuyerId, PlacedOrderId, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R37_coupon_code_id_and_coupon_code_naming_different_codes_is_coupon_conflict_at_coupon_code()
    {
        GivenCode(PublicCode);
        _harness.Coupons.FindByCodeAsync("OTHER", Arg.Any<CancellationToken>())
            .Returns(new CouponCode(777, OwnerId: 0, MaxUses: 100, UsedCount: 0, FixedOff1000));

        var result = await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId, CouponCode = "OTHER" });

        Refused(result, ErrorCode.CouponConflict, "coupon_code");
        await _harness.Coupons.DidNotReceiveWithAnyArgs().HasRedeemedAsync(default, default, default);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("coupon_code_id")]
    [InlineData("coupon_code")]
    public async Task R37_a_coupon_id_other_than_the_chosen_codes_coupon_is_coupon_conflict_at_coupon_id(string member)
    {
        GivenCode(PublicCode);

        var result = await _harness.SendAsync(NamedBy(member, Command(Detail(188))) with { CouponId = CouponId + 1 });

        Refused(result, ErrorCode.CouponConflict, "coupon_id");
        await _harness.Coupons.DidNotReceiveWithAnyArgs().FindOwnUnusedAsync(default, default, default);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("coupon_code_id")]
    [InlineData("coupon_code")]
    public async Task R37_a_coupon_id_matching_the_chosen_codes_coupon_is_no_conflict_and_the_code_wins(string member)
    {
        GivenCode(PublicCode);
        _harness.Coupons.FindOwnUnusedAsync(BuyerId, CouponId, Arg.Any<CancellationToken>())
            .Returns(new CouponCode(501, OwnerId: BuyerId, MaxUses: 1, UsedCount: 0, FixedOff1000));

        var order = Succeeded(await _harness.SendAsync(NamedBy(member, Command(Detail(188))) with { CouponId = CouponId }));

        Assert.Equal(CodeId, order.CouponCodeId);
        await _harness.Coupons.DidNotReceiveWithAnyArgs().FindOwnUnusedAsync(default, default, default);
    }

    [Fact]
    public async Task R37_coupon_code_id_wins_over_coupon_code_and_coupon_id_when_not_found()
    {
        GivenCode(PublicCode);

        var result = await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = 999, CouponCode = CodeText, CouponId = CouponId });

        Refused(result, ErrorCode.CouponNotFound, "coupon_code_id");
        await _harness.Coupons.DidNotReceiveWithAnyArgs().FindOwnUnusedAsync(default, default, default);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R37_an_unknown_coupon_code_id_is_coupon_not_found_at_coupon_code_id()
    {
        var result = await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = 999 });

        Refused(result, ErrorCode.CouponNotFound, "coupon_code_id");
        await _harness.Coupons.Received(1).FindByIdAsync(999, Arg.Any<CancellationToken>());
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R37_an_unknown_coupon_code_is_coupon_not_found_at_coupon_code()
    {
        var result = await _harness.SendAsync(Command(Detail(188)) with { CouponCode = "NOPE" });

        Refused(result, ErrorCode.CouponNotFound, "coupon_code");
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R37_an_unknown_coupon_code_wins_over_coupon_id()
    {
        _harness.Coupons.FindOwnUnusedAsync(BuyerId, CouponId, Arg.Any<CancellationToken>()).Returns(PublicCode);

        var result = await _harness.SendAsync(Command(Detail(188)) with { CouponCode = "NOPE", CouponId = CouponId });

        Refused(result, ErrorCode.CouponNotFound, "coupon_code");
        await _harness.Coupons.DidNotReceiveWithAnyArgs().FindOwnUnusedAsync(default, default, default);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R37_a_coupon_without_an_own_unused_code_is_coupon_not_found_at_coupon_id_with_the_coupon_id()
    {
        var result = await _harness.SendAsync(Command(Detail(188)) with { CouponId = 51 });

        var error = Refused(result, ErrorCode.CouponNotFound, "coupon_id");
        AssertData(error, "coupon_id", 51);
        await _harness.Coupons.Received(1).FindOwnUnusedAsync(BuyerId, 51, Arg.Any<CancellationToken>());
        await AssertNothingWrittenAsync();
    }

    // ---------------------------------------------------------------- can it be redeemed (R38), in order

    [Theory]
    [MemberData(nameof(CouponMembers))]
    public async Task R38_another_users_personal_code_is_coupon_not_found(string member)
    {
        GivenCode(PublicCode with { OwnerId = 4242, MaxUses = 1, UsedCount = 0 });

        var result = await _harness.SendAsync(NamedBy(member, Command(Detail(188))));

        Refused(result, ErrorCode.CouponNotFound, member);
        await _harness.Coupons.DidNotReceiveWithAnyArgs().HasRedeemedAsync(default, default, default);
        await AssertNothingWrittenAsync();
    }

    /// <summary>
    /// R38: "not found" must not tell another user's personal code from one that does not exist
    /// (no coupon_code_id in the data that would confirm the guess), as R41 does for cart items.
    /// </summary>
    [Fact]
    public async Task R38_another_users_personal_code_is_refused_exactly_like_a_code_that_does_not_exist()
    {
        GivenCode(PublicCode with { OwnerId = 4242, MaxUses = 1, UsedCount = 0 });

        var missing = Refused(await _harness.SendAsync(Command(Detail(188)) with { CouponCode = "NOPE" }), ErrorCode.CouponNotFound, "coupon_code");
        var foreign = Refused(await _harness.SendAsync(Command(Detail(188)) with { CouponCode = CodeText }), ErrorCode.CouponNotFound, "coupon_code");

        Assert.Equal(missing.Data.Keys.Order(StringComparer.Ordinal), foreign.Data.Keys.Order(StringComparer.Ordinal));
        Assert.False(foreign.Data.ContainsKey("coupon_code_id"), "coupon_not_found for another user's code discloses its coupon_code_id.");
    }

    [Fact]
    public async Task R38_another_users_personal_code_is_coupon_not_found_before_its_dates_are_checked()
    {
        GivenCode(PublicCode with { OwnerId = 4242, Coupon = FixedOff1000 with { StartsAt = Now.AddDays(1) } });

        var result = await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId });

        Refused(result, ErrorCode.CouponNotFound, "coupon_code_id");
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R37_a_code_found_by_coupon_id_was_read_as_unredeemed_so_redemptions_are_not_read_again()
    {
        GivenCode(PublicCode with { OwnerId = BuyerId, MaxUses = 1, UsedCount = 0 });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponId = CouponId }));

        Assert.Equal(CodeId, order.CouponCodeId);
        await _harness.Coupons.Received(1).FindOwnUnusedAsync(BuyerId, CouponId, Arg.Any<CancellationToken>());
        await _harness.Coupons.DidNotReceiveWithAnyArgs().HasRedeemedAsync(default, default, default);
    }

    [Fact]
    public async Task R38_the_buyers_own_personal_code_is_accepted()
    {
        GivenCode(PublicCode with { OwnerId = BuyerId, MaxUses = 1, UsedCount = 0 });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCode = CodeText }));

        Assert.Equal(CodeId, order.CouponCodeId);
        await _harness.Coupons.Received(1).HasRedeemedAsync(CodeId, BuyerId, Arg.Any<CancellationToken>());
    }

    [Theory]
    [MemberData(nameof(CouponMembers))]
    public async Task R38_an_inactive_coupon_is_coupon_not_found_before_its_dates_are_checked(string member)
    {
        GivenCode(PublicCode with { Coupon = FixedOff1000 with { IsActive = false, EndsAt = Now.AddDays(-1) } });

        var result = await _harness.SendAsync(NamedBy(member, Command(Detail(188))));

        Refused(result, ErrorCode.CouponNotFound, member);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [MemberData(nameof(CouponMembers))]
    public async Task R38_a_coupon_not_yet_started_is_coupon_not_started_before_its_uses_are_checked(string member)
    {
        GivenCode(PublicCode with { UsedCount = 100, Coupon = FixedOff1000 with { StartsAt = Now.AddSeconds(1) } });
        GivenRedeemedBefore();

        var result = await _harness.SendAsync(NamedBy(member, Command(Detail(188))));

        var error = Refused(result, ErrorCode.CouponNotStarted, member);
        AssertData(error, "coupon_code_id", CodeId);
        await _harness.Coupons.DidNotReceiveWithAnyArgs().HasRedeemedAsync(default, default, default);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R38_a_coupon_not_yet_started_is_coupon_not_started_even_when_also_ended()
    {
        GivenCode(PublicCode with { Coupon = FixedOff1000 with { StartsAt = Now.AddDays(1), EndsAt = Now.AddDays(-1) } });

        var result = await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId });

        Refused(result, ErrorCode.CouponNotStarted, "coupon_code_id");
    }

    [Fact]
    public async Task R38_a_coupon_starting_exactly_now_is_started()
    {
        GivenCode(PublicCode with { Coupon = FixedOff1000 with { StartsAt = Now, EndsAt = Now.AddSeconds(1) } });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId }));

        Assert.Equal(1000, order.DiscountAmount);
    }

    [Theory]
    [MemberData(nameof(CouponMembers))]
    public async Task R38_a_coupon_ending_exactly_now_is_coupon_expired_before_its_uses_are_checked(string member)
    {
        GivenCode(PublicCode with { UsedCount = 100, Coupon = FixedOff1000 with { StartsAt = Now.AddDays(-10), EndsAt = Now } });
        GivenRedeemedBefore();

        var result = await _harness.SendAsync(NamedBy(member, Command(Detail(188))));

        var error = Refused(result, ErrorCode.CouponExpired, member);
        AssertData(error, "coupon_code_id", CodeId);
        await _harness.Coupons.DidNotReceiveWithAnyArgs().HasRedeemedAsync(default, default, default);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R38_a_coupon_that_ended_before_now_is_coupon_expired()
    {
        GivenCode(PublicCode with { Coupon = FixedOff1000 with { EndsAt = Now.AddTicks(-1) } });

        var result = await _harness.SendAsync(Command(Detail(188)) with { CouponCode = CodeText });

        Refused(result, ErrorCode.CouponExpired, "coupon_code");
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 100)]
    [InlineData(2, 3)]
    public async Task R38_a_code_at_max_uses_is_coupon_used_up_and_redemptions_are_not_looked_up(int maxUses, int usedCount)
    {
        GivenCode(PublicCode with { MaxUses = maxUses, UsedCount = usedCount });
        GivenRedeemedBefore();

        var result = await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId });

        var error = Refused(result, ErrorCode.CouponUsedUp, "coupon_code_id");
        AssertData(error, "coupon_code_id", CodeId);
        await _harness.Coupons.DidNotReceiveWithAnyArgs().HasRedeemedAsync(default, default, default);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [MemberData(nameof(CouponMembers))]
    public async Task R38_a_used_up_code_is_coupon_used_up_at_the_member_that_named_it(string member)
    {
        GivenCode(PublicCode with { MaxUses = 1, UsedCount = 1 });

        var result = await _harness.SendAsync(NamedBy(member, Command(Detail(188))));

        Refused(result, ErrorCode.CouponUsedUp, member);
        await _harness.Coupons.DidNotReceiveWithAnyArgs().HasRedeemedAsync(default, default, default);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R38_a_code_one_use_short_of_max_uses_is_not_used_up()
    {
        GivenCode(PublicCode with { MaxUses = 5, UsedCount = 4 });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId }));

        Assert.Equal(CodeId, order.CouponCodeId);
    }

    [Theory]
    [MemberData(nameof(CodeMembers))]
    public async Task R38_a_code_the_buyer_redeemed_before_is_coupon_already_used_before_the_order_type_is_checked(string member)
    {
        GivenCode(PublicCode);
        GivenRedeemedBefore();
        _harness.GivenGroup(VipGroup);

        var result = await _harness.SendAsync(NamedBy(member, VipCommand()));

        var error = Refused(result, ErrorCode.CouponAlreadyUsed, member);
        AssertData(error, "coupon_code_id", CodeId);
        await _harness.Coupons.Received(1).HasRedeemedAsync(CodeId, BuyerId, Arg.Any<CancellationToken>());
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [MemberData(nameof(CouponMembers))]
    public async Task R38_a_vip_order_is_coupon_not_applicable(string member)
    {
        GivenCode(PublicCode);
        _harness.GivenGroup(VipGroup);

        var result = await _harness.SendAsync(NamedBy(member, VipCommand()));

        Refused(result, ErrorCode.CouponNotApplicable, member);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [MemberData(nameof(CouponMembers))]
    public async Task R38_lines_all_out_of_the_coupons_scope_are_coupon_not_applicable_before_min_spend(string member)
    {
        GivenCode(PublicCode with { Coupon = FixedOff1000 with { GoodsScope = new HashSet<long> { 3 }, ConditionAmount = 100_000 } });

        var result = await _harness.SendAsync(NamedBy(member, Command(Detail(188), Detail(1, skuId: 101))));

        Refused(result, ErrorCode.CouponNotApplicable, member);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [MemberData(nameof(CouponMembers))]
    public async Task R38_an_eligible_subtotal_below_the_condition_is_coupon_min_spend_not_met(string member)
    {
        GivenCode(PublicCode with { Coupon = FixedOff1000 with { ConditionAmount = 9901 } });

        var result = await _harness.SendAsync(NamedBy(member, Command(Detail(188))));

        Refused(result, ErrorCode.CouponMinSpendNotMet, member);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R38_min_spend_counts_only_the_lines_in_scope()
    {
        GivenCode(PublicCode with { Coupon = FixedOff1000 with { GoodsScope = new HashSet<long> { 3 }, ConditionAmount = 5000 } });

        var result = await _harness.SendAsync(Command(Detail(188), Detail(3)) with { CouponCode = CodeText });

        Refused(result, ErrorCode.CouponMinSpendNotMet, "coupon_code");
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task R38_min_spend_counts_prices_after_the_referral_discount()
    {
        GivenParentWithDiscount(90);
        GivenCode(PublicCode with { Coupon = FixedOff1000 with { ConditionAmount = 4900 } });

        var result = await _harness.SendAsync(Command(Detail(3)) with { CouponCodeId = CodeId });

        Refused(result, ErrorCode.CouponMinSpendNotMet, "coupon_code_id");
    }

    [Fact]
    public async Task R38_an_eligible_subtotal_equal_to_the_condition_meets_it()
    {
        GivenCode(PublicCode with { Coupon = FixedOff1000 with { ConditionAmount = 9900 } });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId }));

        Assert.Equal(1000, order.DiscountAmount);
        Assert.Equal(8900, order.Amount);
    }

    [Fact]
    public async Task R38_a_coupon_refusal_is_decided_before_the_address_is_looked_at()
    {
        GivenCode(PublicCode with { MaxUses = 1, UsedCount = 1 });

        var result = await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId, Address = ValidAddress() });

        Refused(result, ErrorCode.CouponUsedUp, "coupon_code_id");
        Assert.Empty(_harness.AddressBook.ReceivedCalls());
        await AssertNothingWrittenAsync();
    }

    // ---------------------------------------------------------------- what it takes off (R39)

    [Fact]
    public async Task R39_a_fixed_coupon_takes_its_money_off_and_the_line_carries_the_part()
    {
        GivenCode(PublicCode);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId }));

        Assert.Equal(9900, order.OriginAmount);
        Assert.Equal(1000, order.DiscountAmount);
        Assert.Equal(8900, order.Amount);
        Assert.Equal(7120, order.SellerAmount);
        Assert.Equal(CouponId, order.CouponId);
        Assert.Equal(CodeId, order.CouponCodeId);
        var line = Assert.Single(order.Details);
        Assert.Equal((9900L, 9900L, 1000L), (line.Price, line.Amount, line.DiscountAmount));
    }

    [Fact]
    public async Task R39_a_fixed_coupon_takes_at_most_the_eligible_subtotal()
    {
        GivenCode(PublicCode with { Coupon = FixedOff1000 with { Money = 20000 } });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId }));

        Assert.Equal(9900, order.DiscountAmount);
        Assert.Equal(0, order.Amount);
        Assert.Equal(0, order.SellerAmount);
        Assert.Equal(9900, Assert.Single(order.Details).DiscountAmount);
    }

    [Fact]
    public async Task R39_a_fixed_coupon_with_a_scope_takes_at_most_the_in_scope_subtotal_from_the_in_scope_lines()
    {
        GivenCode(PublicCode with { Coupon = FixedOff1000 with { Money = 20000, GoodsScope = new HashSet<long> { 3 } } });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188), Detail(3)) with { CouponCodeId = CodeId }));

        Assert.Equal(14800, order.OriginAmount);
        Assert.Equal(4900, order.DiscountAmount);
        Assert.Equal(9900, order.Amount);
        Assert.Collection(
            order.Details,
            l => Assert.Equal((188L, 9900L, 0L), (l.GoodsId, l.Amount, l.DiscountAmount)),
            l => Assert.Equal((3L, 4900L, 4900L), (l.GoodsId, l.Amount, l.DiscountAmount)));
    }

    [Fact]
    public async Task R39_a_percent_coupon_without_a_cap_takes_its_share_of_the_subtotal()
    {
        GivenCode(PublicCode with { Coupon = Percent(15, maxMoney: 0) });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId }));

        Assert.Equal(1485, order.DiscountAmount);
        Assert.Equal(8415, order.Amount);
        Assert.Equal(1485, Assert.Single(order.Details).DiscountAmount);
    }

    [Fact]
    public async Task R39_a_percent_discount_is_truncated()
    {
        GivenCode(PublicCode with { Coupon = Percent(15, maxMoney: 0) });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(4)) with { CouponCodeId = CodeId }));

        Assert.Equal(149, order.DiscountAmount);
        Assert.Equal(846, order.Amount);
    }

    [Theory]
    [InlineData(1000, 1000)]
    [InlineData(1484, 1484)]
    [InlineData(1485, 1485)]
    [InlineData(2000, 1485)]
    public async Task R39_a_percent_discount_is_capped_by_max_money(long maxMoney, long expected)
    {
        GivenCode(PublicCode with { Coupon = Percent(15, maxMoney) });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId }));

        Assert.Equal(expected, order.DiscountAmount);
        Assert.Equal(9900 - expected, order.Amount);
        Assert.Equal(expected, Assert.Single(order.Details).DiscountAmount);
    }

    [Fact]
    public async Task R39_a_percent_coupon_with_a_scope_takes_its_share_of_the_in_scope_lines_only()
    {
        GivenCode(PublicCode with { Coupon = Percent(10, maxMoney: 0) with { GoodsScope = new HashSet<long> { 3 } } });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188), Detail(3, quantity: 2)) with { CouponCodeId = CodeId }));

        Assert.Equal(980, order.DiscountAmount);
        Assert.Equal(18720, order.Amount);
        Assert.Collection(
            order.Details,
            l => Assert.Equal((188L, 0L), (l.GoodsId, l.DiscountAmount)),
            l => Assert.Equal((3L, 980L), (l.GoodsId, l.DiscountAmount)));
    }

    [Fact]
    public async Task R39_the_discount_is_spread_over_the_lines_by_largest_remainder_and_the_parts_sum_exactly()
    {
        GivenCode(PublicCode);

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188), Detail(3)) with { CouponCodeId = CodeId }));

        // 1000 x 9900 / 14800 = 668.9..., 1000 x 4900 / 14800 = 331.08...: the extra unit goes to the larger remainder.
        Assert.Equal(1000, order.DiscountAmount);
        Assert.Equal(13800, order.Amount);
        Assert.Collection(
            order.Details,
            l => Assert.Equal((188L, 669L), (l.GoodsId, l.DiscountAmount)),
            l => Assert.Equal((3L, 331L), (l.GoodsId, l.DiscountAmount)));
        Assert.Equal(order.DiscountAmount, order.Details.Sum(l => l.DiscountAmount));
    }

    [Fact]
    public async Task R39_a_percent_discount_spread_over_three_lines_sums_exactly()
    {
        GivenCode(PublicCode with { Coupon = Percent(33, maxMoney: 0) });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(188), Detail(3), Detail(4)) with { CouponCodeId = CodeId }));

        // Subtotal 15795; 33 % = 5212 (5212.35 truncated): 3266.7 / 1616.9 / 328.3 -> 3267, 1617, 328.
        Assert.Equal(5212, order.DiscountAmount);
        Assert.Equal(10583, order.Amount);
        Assert.Equal([3267L, 1617L, 328L], order.Details.Select(l => l.DiscountAmount));
    }

    [Fact]
    public async Task R39_the_discount_applies_to_prices_after_the_referral_discount()
    {
        GivenParentWithDiscount(90);
        GivenCode(PublicCode with { Coupon = Percent(10, maxMoney: 0) });

        var order = Succeeded(await _harness.SendAsync(Command(Detail(3, quantity: 2)) with { CouponCodeId = CodeId }));

        Assert.Equal(9800, order.OriginAmount);
        Assert.Equal(882, order.DiscountAmount);
        Assert.Equal(7938, order.Amount);
    }

    // ---------------------------------------------------------------- the redemption (R40)

    [Fact]
    public async Task R40_the_code_is_redeemed_once_for_the_buyer_and_order_after_the_order_is_added()
    {
        GivenCode(PublicCode);

        Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCode = CodeText }));

        await _harness.Coupons.Received(1).TryRedeemAsync(Arg.Any<long>(), Arg.Any<long>(), Arg.Any<OrderId>(), Arg.Any<CancellationToken>());
        Received.InOrder(() =>
        {
            _harness.Stock.TryReserveAsync(188, null, 1, Arg.Any<CancellationToken>());
            _harness.Orders.AddAsync(Arg.Is<Order>(o => o.Id == PlacedOrderId && o.CouponCodeId == CodeId), Arg.Any<CancellationToken>());
            _harness.Coupons.TryRedeemAsync(CodeId, BuyerId, PlacedOrderId, Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task R40_the_added_order_records_the_coupon_and_code()
    {
        GivenCode(PublicCode);

        Succeeded(await _harness.SendAsync(Command(Detail(188)) with { CouponCodeId = CodeId }));

        Assert.NotNull(_harness.AddedOrder);
        Assert.Equal(CouponId, _harness.AddedOrder.CouponId);
        Assert.Equal(CodeId, _harness.AddedOrder.CouponCodeId);
        Assert.Equal(1000, _harness.AddedOrder.DiscountAmount.MinorUnits);
    }

    [Theory]
    [MemberData(nameof(CouponMembers))]
    public async Task R40_losing_the_race_for_the_last_use_is_coupon_used_up(string member)
    {
        GivenCode(PublicCode);
        GivenRedemption(RedemptionOutcome.UsedUp);

        var result = await _harness.SendAsync(NamedBy(member, Command(Detail(188))));

        var error = Refused(result, ErrorCode.CouponUsedUp, member);
        AssertData(error, "coupon_code_id", CodeId);
        await _harness.Coupons.Received(1).TryRedeemAsync(CodeId, BuyerId, PlacedOrderId, Arg.Any<CancellationToken>());
        await _harness.Cart.DidNotReceiveWithAnyArgs().RemoveAsync(default, default!, default);
    }

    [Theory]
    [MemberData(nameof(CouponMembers))]
    public async Task R40_losing_the_race_to_the_buyers_other_order_is_coupon_already_used(string member)
    {
        GivenCode(PublicCode);
        GivenRedemption(RedemptionOutcome.AlreadyUsed);

        var result = await _harness.SendAsync(NamedBy(member, Command(Detail(188))));

        var error = Refused(result, ErrorCode.CouponAlreadyUsed, member);
        AssertData(error, "coupon_code_id", CodeId);
        await _harness.Coupons.Received(1).TryRedeemAsync(CodeId, BuyerId, PlacedOrderId, Arg.Any<CancellationToken>());
        await _harness.Cart.DidNotReceiveWithAnyArgs().RemoveAsync(default, default!, default);
    }

    [Fact]
    public async Task R40_an_order_without_a_coupon_redeems_nothing()
    {
        Succeeded(await _harness.SendAsync(Command(Detail(188))));

        await _harness.Coupons.DidNotReceiveWithAnyArgs().TryRedeemAsync(default, default, default, default);
    }

    // ---------------------------------------------------------------- helpers

    private static CreateOrderCommand VipCommand() => new() { Type = "vip", GoodsId = VipGroup.Id };

    private static Coupon Percent(long percent, long maxMoney) => FixedOff1000 with { Kind = CouponKind.Percent, Money = percent, MaxMoney = maxMoney };

    /// <summary>The command with the coupon named by <paramref name="member"/>.</summary>
    private static CreateOrderCommand NamedBy(string member, CreateOrderCommand command) => member switch
    {
        "coupon_code_id" => command with { CouponCodeId = CodeId },
        "coupon_code" => command with { CouponCode = CodeText },
        "coupon_id" => command with { CouponId = CouponId },
        _ => throw new ArgumentOutOfRangeException(nameof(member), member, "Not a coupon member."),
    };

    /// <summary>The code can be found by its id, by its text, and as the buyer's own code of its coupon; redeeming it succeeds.</summary>
    private void GivenCode(CouponCode code)
    {
        _harness.Coupons.FindByIdAsync(code.Id, Arg.Any<CancellationToken>()).Returns(code);
        _harness.Coupons.FindByCodeAsync(CodeText, Arg.Any<CancellationToken>()).Returns(code);
        _harness.Coupons.FindOwnUnusedAsync(BuyerId, code.Coupon.Id, Arg.Any<CancellationToken>()).Returns(code);
        GivenRedemption(RedemptionOutcome.Redeemed);
    }

    private void GivenRedeemedBefore() =>
        _harness.Coupons.HasRedeemedAsync(CodeId, BuyerId, Arg.Any<CancellationToken>()).Returns(true);

    private void GivenRedemption(RedemptionOutcome outcome) =>
        _harness.Coupons.TryRedeemAsync(default, default, default, default).ReturnsForAnyArgs(outcome);

    private void GivenParentWithDiscount(int discount)
    {
        _harness.GivenUser(Buyer with { ParentId = ParentId });
        _harness.GivenUser(new UserAccount(ParentId, true, IsRetailer: false, 0,
            new UserGroup(5, "Gold", IsActive: true, Price: 0, Discount: discount, ShareReward: 0, ParentReward: 0)));
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
