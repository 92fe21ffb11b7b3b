using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Domain.UnitTests.Orders;

public sealed class OrderNumberTests
{
    [Fact]
    public void R52_order_number_is_local_time_plus_last_four_digits_of_id()
    {
        var number = OrderNumber.For(new OrderId(46), Build.PlacedAt, Build.Shanghai);

        Assert.Equal("202211232209080046", number);
    }

    [Theory]
    [InlineData(123456, "3456")]
    [InlineData(1, "0001")]
    [InlineData(7, "0007")]
    [InlineData(9999, "9999")]
    [InlineData(10000, "0000")]
    [InlineData(10046, "0046")]
    [InlineData(long.MaxValue, "5807")]
    public void R52_suffix_is_the_last_four_digits_of_the_id_zero_padded(long id, string suffix)
    {
        var number = OrderNumber.For(new OrderId(id), Build.PlacedAt, Build.Shanghai);

        Assert.Equal("20221123220908" + suffix, number);
    }

    [Fact]
    public void R52_time_is_taken_in_the_given_time_zone()
    {
        var number = OrderNumber.For(new OrderId(46), Build.PlacedAt, TimeZoneInfo.Utc);

        Assert.Equal("202211231409080046", number);
    }

    [Fact]
    public void R52_the_offset_of_the_placement_time_does_not_matter_only_the_instant()
    {
        var sameInstant = new DateTimeOffset(2022, 11, 23, 9, 9, 8, TimeSpan.FromHours(-5));

        Assert.Equal("202211232209080046", OrderNumber.For(new OrderId(46), sameInstant, Build.Shanghai));
    }

    [Fact]
    public void R52_local_time_can_fall_on_the_next_day_and_year()
    {
        var placedAt = new DateTimeOffset(2022, 12, 31, 16, 30, 5, TimeSpan.Zero);

        Assert.Equal("202301010030050046", OrderNumber.For(new OrderId(46), placedAt, Build.Shanghai));
    }

    [Fact]
    public void R52_hours_are_on_the_24_hour_clock()
    {
        var morning = new DateTimeOffset(2022, 11, 23, 1, 2, 3, TimeSpan.FromHours(8));

        Assert.Equal("202211230102030046", OrderNumber.For(new OrderId(46), morning, Build.Shanghai));
    }

    [Fact]
    public void R52_order_number_is_always_18_ascii_digits()
    {
        var random = new Seeded(52);
        var earliest = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var latest = new DateTimeOffset(2099, 12, 31, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        for (var i = 0; i < 1000; i++)
        {
            var id = new OrderId(random.Between(1, long.MaxValue - 1));
            var placedAt = DateTimeOffset.FromUnixTimeSeconds(random.Between(earliest, latest));

            var number = OrderNumber.For(id, placedAt, Build.Shanghai);

            Assert.Equal(18, number.Length);
            Assert.True(number.All(char.IsAsciiDigit), number);
            Assert.EndsWith((id.Value % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture), number, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void R52_a_time_zone_is_required()
    {
        Assert.Throws<ArgumentNullException>(() => OrderNumber.For(new OrderId(46), Build.PlacedAt, null!));
    }
}
