using System.Collections.Immutable;

namespace OrderPlatform.Application.Common.Errors;

/// <summary>
/// An expected failure: its code, the JSON path of the request member at fault (or null), and
/// extra facts for the client, such as the goods id and current price. People read a sentence
/// chosen by <see cref="MessageKey"/>; clients switch on the code.
/// </summary>
public sealed record Error(ErrorCode Code, string? Field, ImmutableDictionary<string, object?> Data)
{
    /// <summary>The sentence to show when the code's own is too general (e.g. which part of a body is not JSON); null for the code's own.</summary>
    public string? MessageKey { get; init; }

    public static Error Of(ErrorCode code, string? field = null) =>
        new(code, field, ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal));

    public Error With(string key, object? value) => this with { Data = Data.SetItem(key, value) };

    public string Name => ErrorCodeNames.NameOf(Code);
}
