namespace OrderPlatform.Domain.Common;

/// <summary>Text measured as people count it: in Unicode characters, not UTF-16 units or bytes.</summary>
public static class Text
{
    public static int CharacterCount(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.EnumerateRunes().Count();
    }
}
