using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.UnitTests.Common;

public sealed class AddressTests
{
    public static TheoryData<AddressPart, int> MaxLengths => new()
    {
        { AddressPart.Name, 64 },
        { AddressPart.Phone, 20 },
        { AddressPart.Province, 100 },
        { AddressPart.City, 100 },
        { AddressPart.District, 100 },
        { AddressPart.Detail, 255 },
        { AddressPart.Postcode, 36 },
    };

    public static TheoryData<AddressPart> AllParts => new(Enum.GetValues<AddressPart>());

    [Fact]
    public void R30_seed_example_is_a_valid_address()
    {
        var result = Address.Create(Build.SeedAddress());

        Assert.True(result.IsSuccess);
        var address = result.Value;
        Assert.Equal("王先生", address.Name);
        Assert.Equal("13888888888", address.Phone);
        Assert.Equal("河南省", address.Province);
        Assert.Equal("郑州市", address.City);
        Assert.Equal("中原区", address.District);
        Assert.Equal("中原西路233号", address.Detail);
        Assert.Equal("450000", address.Postcode);
    }

    [Fact]
    public void R30_every_part_is_trimmed()
    {
        var parts = new AddressParts
        {
            Name = "  王先生\t",
            Phone = " 13888888888 ",
            Province = "\u3000河南省 ",
            City = "\n郑州市",
            District = "中原区  ",
            Detail = "  中原西路233号  ",
            Postcode = " 450000\r\n",
        };

        var address = Address.Create(parts).Value;

        Assert.Equal(Build.ValidAddress(), address);
    }

    [Theory]
    [MemberData(nameof(AllParts))]
    public void R30_a_missing_part_is_refused_naming_that_part(AddressPart part)
    {
        var result = Address.Create(With(part, null));

        AssertRefused(part, result);
    }

    [Theory]
    [MemberData(nameof(AllParts))]
    public void R30_a_blank_part_is_refused_naming_that_part(AddressPart part)
    {
        var result = Address.Create(With(part, "   "));

        AssertRefused(part, result);
    }

    [Theory]
    [MemberData(nameof(MaxLengths))]
    public void R30_a_part_at_its_maximum_length_is_accepted(AddressPart part, int max)
    {
        var value = new string(FillerFor(part), max);

        var result = Address.Create(With(part, value));

        Assert.True(result.IsSuccess, $"refused: {result.Error}");
        Assert.Equal(value, Read(result.Value, part));
    }

    [Theory]
    [MemberData(nameof(MaxLengths))]
    public void R30_a_part_over_its_maximum_length_is_refused_naming_that_part(AddressPart part, int max)
    {
        var result = Address.Create(With(part, new string(FillerFor(part), max + 1)));

        AssertRefused(part, result);
    }

    [Theory]
    [MemberData(nameof(MaxLengths))]
    public void R30_surrounding_spaces_do_not_count_towards_the_length(AddressPart part, int max)
    {
        var value = new string(FillerFor(part), max);

        var result = Address.Create(With(part, "  " + value + "  "));

        Assert.True(result.IsSuccess, $"refused: {result.Error}");
        Assert.Equal(value, Read(result.Value, part));
    }

    [Fact]
    public void R30_length_is_counted_in_characters_not_bytes()
    {
        // 64 Chinese characters are 192 UTF-8 bytes; 255 are 765 bytes.
        var result = Address.Create(Build.SeedAddress() with
        {
            Name = new string('王', 64),
            Province = new string('河', 100),
            Detail = new string('路', 255),
        });

        Assert.True(result.IsSuccess, $"refused: {result.Error}");
        Assert.Equal(64, result.Value.Name.Length);
    }

    [Fact]
    public void R30_length_is_counted_in_characters_not_utf16_units()
    {
        // Each emoji is one character but two UTF-16 units.
        var sixtyFour = string.Concat(Enumerable.Repeat("😀", 64));
        var sixtyFive = string.Concat(Enumerable.Repeat("😀", 65));

        Assert.True(Address.Create(Build.SeedAddress() with { Name = sixtyFour }).IsSuccess);
        AssertRefused(AddressPart.Name, Address.Create(Build.SeedAddress() with { Name = sixtyFive }));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("+86 138-8888-8888")]
    [InlineData("(010) 1234 5678")]
    [InlineData("+1 (555) 010-9999")]
    public void R30_phone_accepts_digits_spaces_plus_dashes_and_parentheses(string phone)
    {
        var result = Address.Create(Build.SeedAddress() with { Phone = phone });

        Assert.True(result.IsSuccess, $"refused: {result.Error}");
        Assert.Equal(phone, result.Value.Phone);
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("12 3")]
    public void R30_phone_needs_at_least_five_characters(string phone)
    {
        AssertRefused(AddressPart.Phone, Address.Create(Build.SeedAddress() with { Phone = phone }));
    }

    [Theory]
    [InlineData("1388888888a")]
    [InlineData("138.8888.8888")]
    [InlineData("138/88888888")]
    [InlineData("138_8888_8888")]
    [InlineData("１３８８８８８８８８８")]
    [InlineData("١٣٨٨٨٨٨٨٨٨٨")]
    [InlineData("13888888888#")]
    [InlineData("138\t88888888")]
    public void R30_phone_refuses_other_characters(string phone)
    {
        AssertRefused(AddressPart.Phone, Address.Create(Build.SeedAddress() with { Phone = phone }));
    }

    [Theory]
    [InlineData("4")]
    [InlineData("SW1A 1AA")]
    [InlineData("12345-6789")]
    [InlineData("k1a0b1")]
    public void R30_postcode_accepts_letters_digits_spaces_and_dashes(string postcode)
    {
        var result = Address.Create(Build.SeedAddress() with { Postcode = postcode });

        Assert.True(result.IsSuccess, $"refused: {result.Error}");
        Assert.Equal(postcode, result.Value.Postcode);
    }

    [Theory]
    [InlineData("450_000")]
    [InlineData("450000#")]
    [InlineData("45.0000")]
    [InlineData("４５００００")]
    [InlineData("邮编450000")]
    [InlineData("Ä1234")]
    [InlineData("(450000)")]
    public void R30_postcode_refuses_other_characters(string postcode)
    {
        AssertRefused(AddressPart.Postcode, Address.Create(Build.SeedAddress() with { Postcode = postcode }));
    }

    [Fact]
    public void R30_the_first_wrong_part_in_check_order_is_reported()
    {
        var allWrong = new AddressParts();

        AssertRefused(AddressPart.Name, Address.Create(allWrong));
        AssertRefused(AddressPart.Phone, Address.Create(allWrong with { Name = "王先生" }));
        AssertRefused(AddressPart.Postcode, Address.Create(Build.SeedAddress() with { Postcode = "#", Name = "王先生" }));
        AssertRefused(AddressPart.City, Address.Create(Build.SeedAddress() with { City = "", Detail = "", Postcode = "#" }));
    }

    [Fact]
    public void R30_the_reported_part_is_the_address_part_name()
    {
        var result = Address.Create(Build.SeedAddress() with { Phone = "abc" });

        Assert.Equal("Phone", result.Error!.Part);
        Assert.Equal(DomainErrorCode.InvalidAddress, result.Error.Code);
    }

    [Fact]
    public void R30_a_refused_address_has_no_value()
    {
        var result = Address.Create(Build.SeedAddress() with { Name = "" });

        Assert.False(result.IsSuccess);
        Assert.Throws<DomainException>(() => result.Value);
    }

    [Fact]
    public void R30_address_parts_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => Address.Create(null!));
    }

    [Fact]
    public void R31_addresses_with_the_same_parts_are_equal()
    {
        Assert.Equal(Build.ValidAddress(), Address.Create(Build.SeedAddress()).Value);
        Assert.NotEqual(Build.ValidAddress(), Address.Create(Build.SeedAddress() with { Detail = "中原西路234号" }).Value);
    }

    private static void AssertRefused(AddressPart part, DomainResult<Address> result)
    {
        Assert.False(result.IsSuccess, "The address was accepted.");
        Assert.Equal(new DomainError(DomainErrorCode.InvalidAddress, part.ToString()), result.Error);
    }

    private static char FillerFor(AddressPart part) => part switch
    {
        AddressPart.Phone => '8',
        AddressPart.Postcode => 'A',
        _ => '中',
    };

    private static AddressParts With(AddressPart part, string? value)
    {
        var parts = Build.SeedAddress();
        return part switch
        {
            AddressPart.Name => parts with { Name = value },
            AddressPart.Phone => parts with { Phone = value },
            AddressPart.Province => parts with { Province = value },
            AddressPart.City => parts with { City = value },
            AddressPart.District => parts with { District = value },
            AddressPart.Detail => parts with { Detail = value },
            AddressPart.Postcode => parts with { Postcode = value },
            _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
        };
    }

    private static string Read(Address address, AddressPart part) => part switch
    {
        AddressPart.Name => address.Name,
        AddressPart.Phone => address.Phone,
        AddressPart.Province => address.Province,
        AddressPart.City => address.City,
        AddressPart.District => address.District,
        AddressPart.Detail => address.Detail,
        AddressPart.Postcode => address.Postcode,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };
}
