using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.UnitTests.Common;

public sealed class MoneyTests
{
    private static readonly Currency Cny = Build.Cny;
    private static readonly Currency Usd = Currency.Of("USD");

    [Fact]
    public void R24_money_keeps_its_minor_units_and_currency()
    {
        var money = Money.Of(9900, Cny);

        Assert.Equal(9900, money.MinorUnits);
        Assert.Equal(Cny, money.Currency);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void R24_money_is_never_negative(long minorUnits)
    {
        Assert.Throws<DomainException>(() => Money.Of(minorUnits, Cny));
    }

    [Fact]
    public void R24_zero_is_valid_money()
    {
        Assert.Equal(0, Money.Zero(Cny).MinorUnits);
        Assert.Equal(Money.Of(0, Cny), Money.Zero(Cny));
    }

    [Fact]
    public void R36_money_needs_a_currency()
    {
        Assert.Throws<ArgumentNullException>(() => Money.Of(1, null!));
    }

    [Fact]
    public void R36_equal_amounts_of_the_same_currency_are_equal()
    {
        Assert.Equal(Money.Of(5, Currency.Of("cny")), Money.Of(5, Cny));
        Assert.NotEqual(Money.Of(5, Usd), Money.Of(5, Cny));
        Assert.NotEqual(Money.Of(6, Cny), Money.Of(5, Cny));
    }

    [Fact]
    public void R35_plus_adds_minor_units()
    {
        var sum = Money.Of(9900, Cny).Plus(Money.Of(101, Cny));

        Assert.Equal(Money.Of(10001, Cny), sum);
    }

    [Fact]
    public void R35_plus_is_checked_and_throws_on_overflow()
    {
        var max = Money.Of(long.MaxValue, Cny);

        Assert.Throws<OverflowException>(() => max.Plus(Money.Of(1, Cny)));
    }

    [Fact]
    public void R35_times_multiplies_minor_units()
    {
        Assert.Equal(Money.Of(29700, Cny), Money.Of(9900, Cny).Times(3));
        Assert.Equal(Money.Zero(Cny), Money.Of(9900, Cny).Times(0));
    }

    [Theory]
    [InlineData(long.MaxValue, 2)]
    [InlineData((long.MaxValue / 2) + 1, 2)]
    [InlineData(10_000_000_000, int.MaxValue)]
    public void R35_times_is_checked_and_throws_on_overflow(long minorUnits, long factor)
    {
        Assert.Throws<OverflowException>(() => Money.Of(minorUnits, Cny).Times(factor));
    }

    [Fact]
    public void R35_times_at_the_64_bit_limit_still_succeeds()
    {
        Assert.Equal(long.MaxValue - 1, Money.Of(long.MaxValue / 2, Cny).Times(2).MinorUnits);
    }

    [Fact]
    public void R24_times_a_negative_factor_is_refused()
    {
        Assert.Throws<DomainException>(() => Money.Of(100, Cny).Times(-1));
    }

    [Fact]
    public void R36_plus_refuses_to_mix_currencies()
    {
        Assert.Throws<DomainException>(() => Money.Of(1, Cny).Plus(Money.Of(1, Usd)));
    }

    [Fact]
    public void R36_minus_refuses_to_mix_currencies()
    {
        Assert.Throws<DomainException>(() => Money.Of(5, Cny).MinusFloorZero(Money.Of(1, Usd)));
    }

    [Theory]
    [InlineData(9999, 33, 3299)] // 3299.67
    [InlineData(9900, 80, 7920)]
    [InlineData(99, 1, 0)] // 0.99
    [InlineData(199, 50, 99)] // 99.5
    [InlineData(12345, 0, 0)]
    [InlineData(12345, 100, 12345)]
    public void R48_percent_is_truncated_towards_zero(long minorUnits, int percent, long expected)
    {
        var result = Money.Of(minorUnits, Cny).Percent(percent);

        Assert.Equal(Money.Of(expected, Cny), result);
    }

    [Fact]
    public void R35_percent_of_the_largest_amount_does_not_overflow()
    {
        Assert.Equal(long.MaxValue / 2, Money.Of(long.MaxValue, Cny).Percent(50).MinorUnits);
        Assert.Equal(long.MaxValue, Money.Of(long.MaxValue, Cny).Percent(100).MinorUnits);
        Assert.Equal(9_131_138_316_486_228_048, Money.Of(long.MaxValue, Cny).Percent(99).MinorUnits);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void R48_percent_outside_0_to_100_is_refused(int percent)
    {
        Assert.Throws<DomainException>(() => Money.Of(100, Cny).Percent(percent));
    }

    [Theory]
    [InlineData(500, 200, 300)]
    [InlineData(500, 500, 0)]
    [InlineData(200, 500, 0)]
    [InlineData(0, long.MaxValue, 0)]
    [InlineData(long.MaxValue, 0, long.MaxValue)]
    public void R34_minus_floor_zero_never_goes_below_zero(long left, long right, long expected)
    {
        var result = Money.Of(left, Cny).MinusFloorZero(Money.Of(right, Cny));

        Assert.Equal(Money.Of(expected, Cny), result);
    }

    [Fact]
    public void R36_results_keep_the_currency()
    {
        var usd = Money.Of(1000, Usd);

        Assert.Equal(Usd, usd.Plus(Money.Of(1, Usd)).Currency);
        Assert.Equal(Usd, usd.Times(2).Currency);
        Assert.Equal(Usd, usd.Percent(10).Currency);
        Assert.Equal(Usd, usd.MinusFloorZero(Money.Of(1, Usd)).Currency);
    }

    [Fact]
    public void To_string_names_amount_and_currency()
    {
        Assert.Equal("9900 CNY minor units", Money.Of(9900, Cny).ToString());
    }
}
