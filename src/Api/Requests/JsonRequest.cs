using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.Requests;

/// <summary>A JSON body as read, and the bytes it was read from.</summary>
internal sealed record JsonRequest<T>(T Body, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>The refusal of this request, listing the body's members that <typeparamref name="T"/> does not know (R5).</summary>
    public Error WithUnknownMembers(Error refusal) => UnknownMembers.Listed(refusal, typeof(T), Bytes);

    /// <summary>A refusal as <see cref="WithUnknownMembers(Error)"/>; a success as it is, at no cost.</summary>
    public Result<TValue> WithUnknownMembers<TValue>(Result<TValue> outcome)
        where TValue : notnull
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Failed(out var refusal) ? WithUnknownMembers(refusal) : outcome;
    }
}
