namespace OrderPlatform.Api.Envelope;

/// <summary>
/// Names each request's outcome on its request log line (R60): "ok", or the error code the envelope
/// carries, refusals at the edge included (media type, body, login, an unknown path or method), so
/// that a refusal never reads like a success in the log. A request no envelope answered (the health
/// check, the API description) shows "-".
/// </summary>
internal static class RequestOutcome
{
    public const string LogProperty = "Outcome";

    private const string ItemKey = "OrderPlatform.RequestOutcome";

    public static IResult Recorded(IResult result, string outcome) => new RecordingResult(result, outcome);

    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var outcome) && outcome is string name ? name : "-";
    }

    private sealed class RecordingResult(IResult inner, string outcome) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Items[ItemKey] = outcome;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
