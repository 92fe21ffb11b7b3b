using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Application.UnitTests;

public sealed class ErrorCodeNamesTests
{
    /// <summary>Spec section 13, in its order.</summary>
    private static readonly string[] Section13 =
    [
        "invalid_json", "unsupported_media_type", "payload_too_large", "not_logged_in",
        "not_authorized", "no_items", "invalid_quantity", "too_many_items", "invalid_type",
        "remark_too_long", "price_changed", "goods_not_found", "sku_required", "sku_not_found",
        "insufficient_stock", "address_not_found", "invalid_address", "amount_too_large",
        "coupon_conflict", "coupon_not_found", "coupon_not_started", "coupon_expired", "coupon_used_up",
        "coupon_already_used", "coupon_not_applicable", "coupon_min_spend_not_met",
        "cart_item_not_found", "vip_group_not_found", "cross_store", "rate_limited",
        "idempotency_key_invalid", "idempotency_key_reused", "idempotency_key_in_use", "internal_error",
    ];

    /// <summary>R68, in its order.</summary>
    private static readonly string[] R68 =
    [
        "order_not_found", "invalid_order_id", "invalid_status", "order_not_cancellable",
        "order_already_paid", "order_closed", "amount_mismatch", "invalid_service_key",
    ];

    /// <summary>R3, a request that names no endpoint, in its order.</summary>
    private static readonly string[] R3 = ["not_found", "method_not_allowed"];

    public static TheoryData<ErrorCode> AllCodes => new(Enum.GetValues<ErrorCode>());

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Section13_every_error_code_round_trips_through_its_snake_case_name(ErrorCode code)
    {
        var name = ErrorCodeNames.NameOf(code);

        Assert.Matches("^[a-z]+(_[a-z]+)*$", name);
        Assert.True(ErrorCodeNames.TryParse(name, out var parsed));
        Assert.Equal(code, parsed);
        Assert.Equal(name, Error.Of(code).Name);
    }

    [Fact]
    public void Section13_R68_R3_the_names_are_exactly_the_spec_lists()
    {
        var names = Enum.GetValues<ErrorCode>().Select(ErrorCodeNames.NameOf).ToArray();

        Assert.Equal([.. Section13, .. R68, .. R3], names);
    }

    [Theory]
    [InlineData("insufficient_stock", ErrorCode.InsufficientStock)]
    [InlineData("not_logged_in", ErrorCode.NotLoggedIn)]
    [InlineData("coupon_min_spend_not_met", ErrorCode.CouponMinSpendNotMet)]
    [InlineData("idempotency_key_in_use", ErrorCode.IdempotencyKeyInUse)]
    public void Section13_known_names_parse_to_their_codes(string name, ErrorCode expected)
    {
        Assert.True(ErrorCodeNames.TryParse(name, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("InsufficientStock")]
    [InlineData("INSUFFICIENT_STOCK")]
    [InlineData("insufficient stock")]
    [InlineData("LessThanValidator")]
    public void Section13_anything_else_is_not_a_code(string? name)
    {
        Assert.False(ErrorCodeNames.TryParse(name, out _));
    }

    [Fact]
    public void R2_error_data_carries_extra_members_by_name()
    {
        var error = Error.Of(ErrorCode.PriceChanged, "details[0].price").With("goods_id", 188L).With("price", 9900L);

        Assert.Equal("price_changed", error.Name);
        Assert.Equal("details[0].price", error.Field);
        Assert.Equal(188L, error.Data["goods_id"]);
        Assert.Equal(9900L, error.Data["price"]);
        Assert.Empty(Error.Of(ErrorCode.PriceChanged).Data);
    }
}
