namespace OrderPlatform.Domain.Common;

/// <summary>An ISO 4217 currency code such as CNY.</summary>
public sealed record Currency
{
    private Currency(string code) => Code = code;

    public string Code { get; }

    public static Currency Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalized = code.Trim().ToUpperInvariant();
        if (normalized.Length != 3 || !normalized.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException($"'{code}' is not a three-letter currency code.");
        }

        return new Currency(normalized);
    }

    public override string ToString() => Code;
}
