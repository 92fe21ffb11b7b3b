using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.UnitTests.Common;

public sealed class TextTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("王先生", 3)]
    [InlineData("中原西路233号", 8)]
    [InlineData("😀", 1)]
    [InlineData("a😀b😀", 4)]
    public void R18_R30_text_length_is_counted_in_characters_not_utf16_units_or_bytes(string value, int expected)
    {
        Assert.Equal(expected, Text.CharacterCount(value));
    }

    [Fact]
    public void Character_count_refuses_null()
    {
        Assert.Throws<ArgumentNullException>(() => Text.CharacterCount(null!));
    }
}
