using System.Collections.Concurrent;

namespace OrderPlatform.Domain.Common;

/// <summary>An ISO 4217 currency code such as CNY.</summary>
public sealed record Currency
{
    // Every amount of an order asks for its currency; a service uses one or two, so each is checked and built once.
    private static readonly ConcurrentDictionary<string, Currency> Known = new(StringComparer.Ordinal);

    private Currency(string code) => Code = code;

    public string Code { get; }

    public static Currency Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Known.TryGetValue(code, out var known) ? known : Known.GetOrAdd(code, Create(code));
    }

    public override string ToString() => Code;

    private static Currency Create(string code)
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (normalized.Length != 3 || !normalized.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException($"'{code}' is not a three-letter currency code.");
        }

        return new Currency(normalized);
    }
}
