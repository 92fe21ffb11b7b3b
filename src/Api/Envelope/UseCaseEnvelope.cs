namespace OrderPlatform.Api.Envelope;

/// <summary>
/// The envelope answering a use case's outcome, and whether the use case let the signed-in user
/// through its buyer check, which decides whether their token may be renewed (R11).
/// </summary>
internal sealed class UseCaseEnvelope(IResult envelope, bool letUserThrough) : IResult
{
    public bool LetUserThrough { get; } = letUserThrough;

    public Task ExecuteAsync(HttpContext httpContext) => envelope.ExecuteAsync(httpContext);
}
