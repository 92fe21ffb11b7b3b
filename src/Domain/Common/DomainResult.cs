namespace OrderPlatform.Domain.Common;

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

    public static implicit operator DomainResult<T>(DomainError error) => new(default, error);

    public static implicit operator DomainResult<T>(T value) => new(value, null);
}
