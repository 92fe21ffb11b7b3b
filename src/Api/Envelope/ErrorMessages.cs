using System.Globalization;
using System.Resources;
using OrderPlatform.Api.Localization;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.Envelope;

/// <summary>
/// The sentence shown for each error code, in English or Simplified Chinese (R6); clients switch
/// on the code, people read this. The sentences live in Resources/ErrorMessages.resx (English,
/// neutral) and Resources/ErrorMessages.zh-CN.resx, keyed by the snake_case error code. There is
/// no fallback between languages: a missing entry throws, and a test walks every code.
/// </summary>
internal static class ErrorMessages
{
    private static readonly ResourceManager Resources = new("OrderPlatform.Api.Resources.ErrorMessages", typeof(ErrorMessages).Assembly);

    /// <summary>What a member of the request body should have been (R5).</summary>
    public enum Expected
    {
        Integer,
        String,
        Array,
        Object,
        Value,
    }

    /// <summary>invalid_json: the body has no bytes.</summary>
    public const string EmptyBodyKey = "invalid_json.empty_body";

    /// <summary>invalid_json: the body does not parse as JSON.</summary>
    public const string NotJsonKey = "invalid_json.not_json";

    /// <summary>invalid_json: the body's bytes are not UTF-8, so it is not JSON (RFC 8259).</summary>
    public const string NotUtf8Key = "invalid_json.not_utf8";

    /// <summary>invalid_json: an object names the same member twice; readers disagree on which counts (R5).</summary>
    public const string DuplicateMemberKey = "invalid_json.duplicate_member";

    /// <summary>invalid_json: the client broke the body's transfer (bad chunking, a body shorter than its Content-Length); HTTP 400.</summary>
    public const string BrokenTransferKey = "invalid_json.broken_transfer";

    /// <summary>invalid_json: the client went away while sending the body; nobody is left to read an answer.</summary>
    public const string ClientGoneKey = "invalid_json.client_gone";

    /// <summary>invalid_json: the body is JSON but not an object.</summary>
    public const string NotObjectKey = "invalid_json.not_object";

    /// <summary>invalid_json: a member has the wrong type; the error's field names it and its data says what was expected, in English.</summary>
    public const string WrongTypeKey = "invalid_json.wrong_type";

    /// <summary>The message of an error code in the given language (English unless it is a Chinese culture).</summary>
    public static string For(ErrorCode code, CultureInfo culture) => Get(ErrorCodeNames.NameOf(code), culture);

    /// <summary>The message of an error: its own message key's sentence, else its code's.</summary>
    public static string For(Error error, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.MessageKey switch
        {
            null => For(error.Code, culture),
            WrongTypeKey => WrongType(error.Field ?? "$", ExpectedFromEnglish(error.Data["expected"] as string), culture),
            var key => Get(key, culture),
        };
    }

    /// <summary>invalid_json: "goods_id must be an integer"; the field path is never translated.</summary>
    public static string WrongType(string field, Expected expected, CultureInfo culture) =>
        string.Format(culture, Get(WrongTypeKey, culture), field, ExpectedWord(expected, culture));

    /// <summary>"an integer", "整数" ...</summary>
    public static string ExpectedWord(Expected expected, CultureInfo culture) => expected switch
    {
        Expected.Integer => Get("expected.integer", culture),
        Expected.String => Get("expected.string", culture),
        Expected.Array => Get("expected.array", culture),
        Expected.Object => Get("expected.object", culture),
        Expected.Value => Get("expected.value", culture),
        _ => throw new ArgumentOutOfRangeException(nameof(expected), expected, "Unknown expected type."),
    };

    /// <summary>The kind whose English word the error's data carries (clients read data in English whatever the language).</summary>
    private static Expected ExpectedFromEnglish(string? word) =>
        Enum.GetValues<Expected>().First(expected => ExpectedWord(expected, RequestLanguage.English) == word);

    /// <summary>
    /// Reads one language's resource set only (no parent fallback), so a Chinese entry that is
    /// missing is an error rather than an English sentence in a Chinese response.
    /// </summary>
    private static string Get(string key, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var language = IsChinese(culture) ? RequestLanguage.SimplifiedChinese : CultureInfo.InvariantCulture;
        var set = Resources.GetResourceSet(language, createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException($"No error messages for the language '{language.Name}'.");
        var message = set.GetString(key);
        return string.IsNullOrWhiteSpace(message)
            ? throw new MissingManifestResourceException($"No '{key}' message for the language '{language.Name}'.")
            : message;
    }

    private static bool IsChinese(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("zh", StringComparison.OrdinalIgnoreCase);
}
