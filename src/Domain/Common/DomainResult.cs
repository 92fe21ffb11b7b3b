namespace OrderPlatform.Domain.Common;

/// <summary>Either nothing was refused, or the rule that refused.</summary>
public readonly struct DomainResult
{
    private DomainResult(DomainError? error) => Error = error;

    public static DomainResult Success => default;

    public DomainError? Error { get; }

    public bool IsSuccess => Error is null;

    public static implicit operator DomainResult(DomainError error) => new(error ?? throw new ArgumentNullException(nameof(error)));
}

/// <summary>Either a value or the rule that refused it.</summary>
public readonly struct DomainResult<T>
    where T : notnull
{
    private readonly T? _value;

    private DomainResult(T? value, DomainError? error)
    {
        _value = value;
        Error = error;
    }

    public DomainError? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new DomainException($"No value: refused with {Error!.Code}.");

    public static implicit operator DomainResult<T>(DomainError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator DomainResult<T>(T value) => new(value, null);
}
