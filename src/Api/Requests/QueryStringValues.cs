using System.Globalization;

namespace OrderPlatform.Api.Requests;

/// <summary>Query-string parameters as the read endpoints take them: the first value of a repeated parameter, absent as null.</summary>
internal static class QueryStringValues
{
    public static string? FirstOrNull(this IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>An integer parameter, read into 64 bits as AnQiCMS reads it and then held within int, so a huge page size is still capped, not ignored.</summary>
    public static int? IntegerOrNull(this IQueryCollection query, string name) =>
        long.TryParse(query.FirstOrNull(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? (int)Math.Clamp(value, int.MinValue, int.MaxValue)
            : null;
}
