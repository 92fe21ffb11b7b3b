using System.Collections.Frozen;
using System.Text.Json;

namespace OrderPlatform.Application.Common.Errors;

/// <summary>The wire names of <see cref="ErrorCode"/> (e.g. InsufficientStock is "insufficient_stock").</summary>
public static class ErrorCodeNames
{
    private static readonly FrozenDictionary<ErrorCode, string> NamesByCode =
        Enum.GetValues<ErrorCode>().ToFrozenDictionary(code => code, code => JsonNamingPolicy.SnakeCaseLower.ConvertName(code.ToString()));

    private static readonly FrozenDictionary<string, ErrorCode> CodesByName =
        NamesByCode.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string NameOf(ErrorCode code) => NamesByCode[code];

    public static bool TryParse(string? name, out ErrorCode code) => CodesByName.TryGetValue(name ?? string.Empty, out code);
}
