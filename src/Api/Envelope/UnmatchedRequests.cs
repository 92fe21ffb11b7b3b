using Microsoft.AspNetCore.Diagnostics;
using OrderPlatform.Api.Localization;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.Envelope;

/// <summary>
/// R3: a request that names no endpoint still gets the envelope, so a client that reads every answer
/// as one (as AnQiCMS clients do) reads these too: an unknown path is HTTP 404 with not_found, a known
/// path with another method HTTP 405 with method_not_allowed, its Allow header kept. Only the empty
/// answers routing leaves behind are filled in; an answer with a body, and any other status, is left
/// as it is.
/// </summary>
internal static class UnmatchedRequests
{
    public static Task AnswerAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        ErrorCode? code = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ErrorCode.NotFound,
            StatusCodes.Status405MethodNotAllowed => ErrorCode.MethodNotAllowed,
            _ => null,
        };
        return code is { } refusal
            ? EnvelopeResults.Failure(Error.Of(refusal), RequestLanguage.Of(http.Request)).ExecuteAsync(http)
            : Task.CompletedTask;
    }
}
