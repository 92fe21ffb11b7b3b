namespace OrderPlatform.Application.Common.Errors;

/// <summary>What the pipeline needs to know about any use case's outcome.</summary>
public interface IUseCaseResult
{
    bool IsSuccess { get; }

    Error? Error { get; }
}

/// <summary>A result type the pipeline can build from an error (validation failures).</summary>
public interface IUseCaseResult<out TSelf> : IUseCaseResult
    where TSelf : IUseCaseResult<TSelf>
{
    static abstract TSelf FromError(Error error);
}
