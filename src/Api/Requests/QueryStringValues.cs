using System.Globalization;

namespace OrderPlatform.Api.Requests;

/// <summary>Query-string parameters as the read endpoints take them: the first value of a repeated parameter, absent as null.</summary>
internal static class QueryStringValues
{
    public static string? FirstOrNull(this IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public static int? IntegerOrNull(this IQueryCollection query, string name) =>
        int.TryParse(query.FirstOrNull(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
