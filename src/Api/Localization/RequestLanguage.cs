using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace OrderPlatform.Api.Localization;

/// <summary>
/// The language of a request's messages (R6): English unless the request asks for Simplified
/// Chinese, first by the <c>lang</c> query parameter, then by <c>Accept-Language</c>. Only
/// <c>msg</c> follows the language; <c>code</c>, <c>data.error</c> and <c>data.field</c> never do.
/// </summary>
internal static class RequestLanguage
{
    public const string QueryParameter = "lang";

    /// <summary>The default, and the neutral language of the resources.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    public static CultureInfo SimplifiedChinese { get; } = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>
    /// <c>?lang=</c> decides when it names a language we serve: zh, zh-CN, zh-Hans (any case) for
    /// Chinese, en or en-* for English; any other value is ignored. Otherwise Accept-Language
    /// decides: of its entries that name a language we serve (zh or zh-*, en or en-*), the one
    /// with the highest q wins, the earlier one on a tie; none at all means English.
    /// </summary>
    public static CultureInfo Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var value in request.Query[QueryParameter])
        {
            var asked = FromQuery(value);
            if (asked is not null)
            {
                return asked;
            }
        }

        return FromAcceptLanguage(request.Headers.AcceptLanguage) ?? English;
    }

    private static CultureInfo? FromQuery(string? value)
    {
        var tag = value?.Trim();
        if (string.IsNullOrEmpty(tag))
        {
            return null;
        }

        if (tag.Equals("zh", StringComparison.OrdinalIgnoreCase)
            || tag.Equals("zh-CN", StringComparison.OrdinalIgnoreCase)
            || tag.Equals("zh-Hans", StringComparison.OrdinalIgnoreCase)
            || tag.Equals("zh-Hans-CN", StringComparison.OrdinalIgnoreCase))
        {
            return SimplifiedChinese;
        }

        return IsLanguage(tag, "en") ? English : null;
    }

    private static CultureInfo? FromAcceptLanguage(StringValues header)
    {
        if (header.Count == 0 || !StringWithQualityHeaderValue.TryParseList(header!, out var entries))
        {
            return null;
        }

        CultureInfo? best = null;
        var bestQuality = 0.0;
        foreach (var entry in entries)
        {
            var quality = entry.Quality ?? 1.0;
            var served = IsLanguage(entry.Value.Value, "zh") ? SimplifiedChinese : IsLanguage(entry.Value.Value, "en") ? English : null;
            if (served is not null && quality > bestQuality)
            {
                best = served;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>"zh" matches zh, zh-CN, zh-Hans, zh-TW ... but not zha.</summary>
    private static bool IsLanguage(string? tag, string language) =>
        tag is not null
        && tag.StartsWith(language, StringComparison.OrdinalIgnoreCase)
        && (tag.Length == language.Length || tag[language.Length] == '-');
}
