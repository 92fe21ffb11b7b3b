using FluentValidation.Results;
using Microsoft.Extensions.Options;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using static OrderPlatform.Application.UnitTests.World;

namespace OrderPlatform.Application.UnitTests;

public sealed class CreateOrderCommandValidatorTests
{
    private static readonly CreateOrderCommand ValidGoodsOrder = new() { GoodsId = 188 };

    // ---------------------------------------------------------------- R14 sources

    [Fact]
    public void R14_no_cart_ids_details_or_goods_id_is_no_items_with_no_field()
    {
        var failure = SingleFailure(new CreateOrderCommand { Quantity = 2 });

        Assert.Equal("no_items", failure.ErrorCode);
        Assert.Equal(string.Empty, failure.PropertyName);
        Assert.Null(JsonPath.FromPropertyPath(failure.PropertyName));
    }

    [Fact]
    public void R14_a_goods_id_of_0_and_empty_lists_is_no_items()
    {
        var failure = SingleFailure(new CreateOrderCommand { GoodsId = 0, Details = [], CartIds = [] });

        Assert.Equal("no_items", failure.ErrorCode);
    }

    [Fact]
    public void R14_each_source_alone_is_enough()
    {
        Assert.True(Validate(new CreateOrderCommand { CartIds = [7] }).IsValid);
        Assert.True(Validate(Command(Detail(188))).IsValid);
        Assert.True(Validate(ValidGoodsOrder).IsValid);
    }

    [Fact]
    public void R14_no_items_is_reported_first_and_alone()
    {
        var result = Validate(new CreateOrderCommand { Type = "bogus", Remark = new string('x', 300), Quantity = -1 });

        var failure = Assert.Single(result.Errors);
        Assert.Equal("no_items", failure.ErrorCode);
    }

    // ---------------------------------------------------------------- R17, R44 type

    [Theory]
    [InlineData("bogus")]
    [InlineData("VIP")]
    [InlineData("Goods")]
    [InlineData(" goods")]
    public void R17_an_unknown_type_is_invalid_type_at_type(string type)
    {
        var failure = SingleFailure(ValidGoodsOrder with { Type = type });

        Assert.Equal("invalid_type", failure.ErrorCode);
        Assert.Equal("type", JsonPath.FromPropertyPath(failure.PropertyName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("goods")]
    [InlineData("vip")]
    public void R17_absent_empty_goods_and_vip_are_accepted(string? type)
    {
        Assert.True(Validate(ValidGoodsOrder with { Type = type }).IsValid);
    }

    [Fact]
    public void R44_vip_with_two_details_is_invalid_type()
    {
        var failure = SingleFailure(Command(Detail(7), Detail(8)) with { Type = "vip" });

        Assert.Equal("invalid_type", failure.ErrorCode);
        Assert.Equal("type", JsonPath.FromPropertyPath(failure.PropertyName));
    }

    [Fact]
    public void R44_vip_from_the_cart_is_invalid_type()
    {
        var failure = SingleFailure(new CreateOrderCommand { Type = "vip", CartIds = [1] });

        Assert.Equal("invalid_type", failure.ErrorCode);
    }

    [Fact]
    public void R44_vip_with_one_detail_or_a_goods_id_is_accepted()
    {
        Assert.True(Validate(Command(Detail(7)) with { Type = "vip" }).IsValid);
        Assert.True(Validate(ValidGoodsOrder with { Type = "vip" }).IsValid);
    }

    [Fact]
    public void R16_goods_orders_may_have_several_details()
    {
        Assert.True(Validate(Command(Detail(188), Detail(3))).IsValid);
    }

    // ---------------------------------------------------------------- R18 remark

    [Fact]
    public void R18_a_remark_of_251_characters_is_remark_too_long()
    {
        var failure = SingleFailure(ValidGoodsOrder with { Remark = new string('a', 251) });

        Assert.Equal("remark_too_long", failure.ErrorCode);
        Assert.Equal("remark", JsonPath.FromPropertyPath(failure.PropertyName));
    }

    [Fact]
    public void R18_a_remark_of_250_characters_is_accepted()
    {
        Assert.True(Validate(ValidGoodsOrder with { Remark = new string('a', 250) }).IsValid);
    }

    [Fact]
    public void R18_remark_length_counts_characters_so_250_emoji_are_accepted_and_251_are_not()
    {
        var emoji = "\U0001F600";
        var accepted = string.Concat(Enumerable.Repeat(emoji, 250));
        var refused = string.Concat(Enumerable.Repeat(emoji, 251));

        Assert.Equal(500, accepted.Length);
        Assert.True(Validate(ValidGoodsOrder with { Remark = accepted }).IsValid);
        Assert.Equal("remark_too_long", SingleFailure(ValidGoodsOrder with { Remark = refused }).ErrorCode);
    }

    [Fact]
    public void R18_the_remark_is_measured_after_trimming()
    {
        Assert.True(Validate(ValidGoodsOrder with { Remark = "  " + new string('a', 250) + "\n " }).IsValid);
    }

    [Fact]
    public void R18_chinese_characters_count_one_each_not_by_bytes()
    {
        Assert.True(Validate(ValidGoodsOrder with { Remark = new string('中', 250) }).IsValid);
        Assert.Equal("remark_too_long", SingleFailure(ValidGoodsOrder with { Remark = new string('中', 251) }).ErrorCode);
    }

    // ---------------------------------------------------------------- R15 quantity

    [Theory]
    [InlineData(-1)]
    [InlineData(10000)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void R15_negative_or_too_large_top_level_quantity_is_invalid_quantity_at_quantity(long quantity)
    {
        var failure = SingleFailure(ValidGoodsOrder with { Quantity = quantity });

        Assert.Equal("invalid_quantity", failure.ErrorCode);
        Assert.Equal("quantity", JsonPath.FromPropertyPath(failure.PropertyName));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9999)]
    public void R15_quantity_from_0_to_max_quantity_per_line_is_accepted(long quantity)
    {
        Assert.True(Validate(ValidGoodsOrder with { Quantity = quantity }).IsValid);
        Assert.True(Validate(Command(Detail(188, quantity: quantity))).IsValid);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10000)]
    public void R15_a_bad_detail_quantity_is_invalid_quantity_at_its_detail(long quantity)
    {
        var failure = SingleFailure(Command(Detail(188, quantity: 2), Detail(3, quantity: quantity)));

        Assert.Equal("invalid_quantity", failure.ErrorCode);
        Assert.Equal("Details[1].Quantity", failure.PropertyName);
        Assert.Equal("details[1].quantity", JsonPath.FromPropertyPath(failure.PropertyName));
    }

    [Fact]
    public void R15_the_limit_is_max_quantity_per_line_from_the_options()
    {
        var validator = new CreateOrderCommandValidator(Options.Create(new OrderOptions { MaxQuantityPerLine = 5 }));

        Assert.True(validator.Validate(ValidGoodsOrder with { Quantity = 5 }).IsValid);
        var failure = Assert.Single(validator.Validate(Command(Detail(188, quantity: 6))).Errors);
        Assert.Equal("invalid_quantity", failure.ErrorCode);
        Assert.Equal("Details[0].Quantity", failure.PropertyName);
    }

    [Fact]
    public void R14_the_top_level_quantity_is_not_checked_when_details_are_the_source()
    {
        Assert.True(Validate(Command(Detail(188)) with { Quantity = -1 }).IsValid);
    }

    // ---------------------------------------------------------------- R29, R30 address

    [Fact]
    public void R30_a_complete_address_is_accepted()
    {
        Assert.True(Validate(ValidGoodsOrder with { Address = ValidAddress() }).IsValid);
    }

    [Theory]
    [InlineData("phone", "12", "address.phone")]
    [InlineData("phone", "138 0000 abcd", "address.phone")]
    [InlineData("phone", "123456789012345678901", "address.phone")]
    [InlineData("name", "   ", "address.name")]
    [InlineData("name", null, "address.name")]
    [InlineData("province", "", "address.province")]
    [InlineData("city", null, "address.city")]
    [InlineData("country", "", "address.country")]
    [InlineData("address_info", " ", "address.address_info")]
    [InlineData("postcode", "518#000", "address.postcode")]
    public void R30_an_invalid_part_is_invalid_address_at_its_json_path(string part, string? value, string field)
    {
        var address = part switch
        {
            "phone" => ValidAddress() with { Phone = value },
            "name" => ValidAddress() with { Name = value },
            "province" => ValidAddress() with { Province = value },
            "city" => ValidAddress() with { City = value },
            "country" => ValidAddress() with { Country = value },
            "address_info" => ValidAddress() with { AddressInfo = value },
            "postcode" => ValidAddress() with { Postcode = value },
            _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
        };

        var failure = SingleFailure(ValidGoodsOrder with { Address = address });

        Assert.Equal("invalid_address", failure.ErrorCode);
        Assert.Equal(field, failure.PropertyName);
        Assert.Equal(field, JsonPath.FromPropertyPath(failure.PropertyName));
    }

    [Fact]
    public void R30_a_name_of_65_characters_is_invalid_address_and_64_is_accepted()
    {
        Assert.True(Validate(ValidGoodsOrder with { Address = ValidAddress() with { Name = new string('n', 64) } }).IsValid);
        Assert.Equal("address.name", SingleFailure(ValidGoodsOrder with { Address = ValidAddress() with { Name = new string('n', 65) } }).PropertyName);
    }

    [Fact]
    public void R29_an_address_with_only_an_id_skips_validation()
    {
        Assert.True(Validate(ValidGoodsOrder with { Address = new CreateOrderAddress { Id = 5 } }).IsValid);
    }

    [Fact]
    public void R29_an_id_with_other_members_must_be_a_complete_address()
    {
        var failure = SingleFailure(ValidGoodsOrder with { Address = new CreateOrderAddress { Id = 5, Phone = "13800000000" } });

        Assert.Equal("invalid_address", failure.ErrorCode);
        Assert.Equal("address.name", failure.PropertyName);
    }

    [Fact]
    public void Section13_every_failure_code_is_a_section_13_name()
    {
        var commands = new[]
        {
            new CreateOrderCommand(),
            ValidGoodsOrder with { Type = "x" },
            ValidGoodsOrder with { Remark = new string('a', 251) },
            ValidGoodsOrder with { Quantity = -1 },
            ValidGoodsOrder with { Address = ValidAddress() with { Phone = "1" } },
        };

        foreach (var command in commands)
        {
            var failure = SingleFailure(command);
            Assert.True(ErrorCodeNames.TryParse(failure.ErrorCode, out _), $"'{failure.ErrorCode}' is not a section 13 code.");
        }
    }

    private static ValidationResult Validate(CreateOrderCommand command) =>
        new CreateOrderCommandValidator(Options.Create(new OrderOptions())).Validate(command);

    private static ValidationFailure SingleFailure(CreateOrderCommand command) => Assert.Single(Validate(command).Errors);
}
