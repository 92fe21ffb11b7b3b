namespace OrderPlatform.Domain.Common;

/// <summary>
/// A non-negative amount in minor units (fen, cents) of one currency. Arithmetic is checked:
/// overflow throws <see cref="OverflowException"/>, which the order turns into amount_too_large.
/// </summary>
public sealed record Money
{
    private Money(long minorUnits, Currency currency)
    {
        MinorUnits = minorUnits;
        Currency = currency;
    }

    public long MinorUnits { get; }

    public Currency Currency { get; }

    public static Money Of(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (minorUnits < 0)
        {
            throw new DomainException($"Money cannot be negative ({minorUnits}).");
        }

        return new Money(minorUnits, currency);
    }

    public static Money Zero(Currency currency) => Of(0, currency);

    public Money Plus(Money other)
    {
        EnsureSameCurrency(other);
        return new Money(checked(MinorUnits + other.MinorUnits), Currency);
    }

    /// <summary>This amount less <paramref name="other"/>, never below zero.</summary>
    public Money MinusFloorZero(Money other)
    {
        EnsureSameCurrency(other);
        return new Money(Math.Max(0, MinorUnits - other.MinorUnits), Currency);
    }

    public Money Times(long factor)
    {
        if (factor < 0)
        {
            throw new DomainException($"Cannot multiply money by a negative factor ({factor}).");
        }

        return new Money(checked(MinorUnits * factor), Currency);
    }

    /// <summary><paramref name="percent"/> per cent of this amount, truncated towards zero.</summary>
    public Money Percent(int percent)
    {
        if (percent is < 0 or > 100)
        {
            throw new DomainException($"A percentage must be between 0 and 100 ({percent}).");
        }

        return new Money((long)(new Int128(0, (ulong)MinorUnits) * percent / 100), Currency);
    }

    public override string ToString() => $"{MinorUnits} {Currency.Code} minor units";

    private void EnsureSameCurrency(Money other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Currency != Currency)
        {
            throw new DomainException($"Cannot mix {Currency} and {other.Currency}.");
        }
    }
}
