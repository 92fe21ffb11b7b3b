using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.UnitTests.Common;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("CNY", "CNY")]
    [InlineData("cny", "CNY")]
    [InlineData(" usd ", "USD")]
    public void R36_currency_code_is_normalized_to_three_upper_case_letters(string code, string expected)
    {
        var currency = Currency.Of(code);

        Assert.Equal(expected, currency.Code);
        Assert.Equal(expected, currency.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("CN")]
    [InlineData("CNYY")]
    [InlineData("C1Y")]
    [InlineData("ÇNY")]
    public void R36_anything_but_a_three_letter_code_is_refused(string code)
    {
        Assert.Throws<DomainException>(() => Currency.Of(code));
    }

    [Fact]
    public void R36_currencies_with_the_same_code_are_equal()
    {
        Assert.Equal(Currency.Of("CNY"), Currency.Of("cny"));
        Assert.NotEqual(Currency.Of("CNY"), Currency.Of("USD"));
    }
}
