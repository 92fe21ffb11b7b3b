using System.Globalization;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>A written-out statement's text with its interpolated values as parameters @p0, @p1, ..., which both providers accept.</summary>
internal static class WrittenOutSql
{
    public static string ParameterName(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);

    public static string Text(FormattableString sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var names = new object[sql.ArgumentCount];
        for (var index = 0; index < names.Length; index++)
        {
            names[index] = ParameterName(index);
        }

        return string.Format(CultureInfo.InvariantCulture, sql.Format, names);
    }
}
