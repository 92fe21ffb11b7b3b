using System.Diagnostics.CodeAnalysis;

namespace OrderPlatform.Application.Common.Errors;

/// <summary>A step's outcome when it has no value: done, or the expected failure that stopped it.</summary>
public sealed class Result : IUseCaseResult<Result>
{
    private Result(Error? error, bool readWentStale = false)
    {
        Error = error;
        ReadWentStale = readWentStale;
    }

    public static Result Success { get; } = new(null);

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    /// <summary>
    /// True when a write step's guard refused because something the command read has changed since
    /// (a coupon's last use, a cart item, a saved address). The unit of work then runs the command
    /// again from its reads, so the answer is what the reads say now; <see cref="Error"/> is the answer
    /// only if that keeps happening.
    /// </summary>
    public bool ReadWentStale { get; }

    object? IUseCaseResult.Value => null;

    [SuppressMessage("Design", "CA1000", Justification = "Implements IUseCaseResult<TSelf>.FromError, which the pipeline calls generically.")]
    public static Result FromError(Error error) => new(error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator Result(Error error) => FromError(error);

    /// <summary>A write step's guard found a read out of date; see <see cref="ReadWentStale"/>.</summary>
    public static Result StaleRead(Error error) => new(error ?? throw new ArgumentNullException(nameof(error)), readWentStale: true);

    /// <summary>For an early return: <c>if (outcome.Failed(out var error)) return error;</c></summary>
    public bool Failed([NotNullWhen(true)] out Error? error)
    {
        error = Error;
        return error is not null;
    }
}

/// <summary>A use case's or step's outcome: the value, or the expected failure that stopped it.</summary>
public sealed class Result<T> : IUseCaseResult<Result<T>>
    where T : notnull
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The value of a success; reading it from a failure is a bug.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: refused with {Error!.Name}.");

    object? IUseCaseResult.Value => _value;

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    [SuppressMessage("Design", "CA1000", Justification = "Implements IUseCaseResult<TSelf>.FromError, which the pipeline calls generically.")]
    public static Result<T> FromError(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>A success; also for values typed as an interface, which C# does not convert implicitly.</summary>
    [SuppressMessage("Design", "CA1000", Justification = "The generic type's own factory, as Nullable<T> and Task<T> have.")]
    public static Result<T> Of(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static implicit operator Result<T>(T value) => Of(value);

    public static implicit operator Result<T>(Error error) => FromError(error);

    /// <summary>For an early return: <c>if (outcome.Failed(out var error)) return error;</c></summary>
    /// <summary>The value mapped by <paramref name="map"/>, or the same refusal.</summary>
    public Result<TOut> Select<TOut>(Func<T, TOut> map)
        where TOut : notnull
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsSuccess ? Result<TOut>.Of(map(Value)) : Result<TOut>.FromError(Error!);
    }

    public bool Failed([NotNullWhen(true)] out Error? error)
    {
        error = Error;
        return error is not null;
    }
}
