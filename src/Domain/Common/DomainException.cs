namespace OrderPlatform.Domain.Common;

/// <summary>
/// A broken invariant: a caller handed the domain something it should have refused first.
/// Expected business failures are <see cref="DomainResult{T}"/> values, never this exception.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException()
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
