using System.Collections.Immutable;

namespace OrderPlatform.Application.Common.Errors;

/// <summary>
/// An expected failure: its code, the JSON path of the request member at fault (or null), and
/// extra facts for the client, such as the goods id and current price.
/// </summary>
public sealed record Error(ErrorCode Code, string? Field, ImmutableDictionary<string, object?> Data)
{
    public static Error Of(ErrorCode code, string? field = null) =>
        new(code, field, ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal));

    public Error With(string key, object? value) => this with { Data = Data.SetItem(key, value) };

    public string Name => ErrorCodeNames.NameOf(Code);
}
