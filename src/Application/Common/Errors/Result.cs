namespace OrderPlatform.Application.Common.Errors;

/// <summary>A use case's outcome: the value, or the expected failure that stopped it.</summary>
public sealed class Result<T> : IUseCaseResult<Result<T>>
    where T : class
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    object? IUseCaseResult.Value => Value;

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Implements IUseCaseResult<TSelf>.FromError, which the pipeline calls generically.")]
    public static Result<T> FromError(Error error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator Result<T>(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static implicit operator Result<T>(Error error) => FromError(error);
}
