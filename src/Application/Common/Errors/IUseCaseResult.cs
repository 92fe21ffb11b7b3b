namespace OrderPlatform.Application.Common.Errors;

/// <summary>What the pipeline needs to know about any use case's outcome.</summary>
public interface IUseCaseResult
{
    bool IsSuccess { get; }

    Error? Error { get; }

    /// <summary>The value of a success, for the pipeline's logging; null on failure.</summary>
    object? Value { get; }
}

/// <summary>A result type the pipeline can build from an error (validation failures).</summary>
public interface IUseCaseResult<out TSelf> : IUseCaseResult
    where TSelf : IUseCaseResult<TSelf>
{
    static abstract TSelf FromError(Error error);
}
