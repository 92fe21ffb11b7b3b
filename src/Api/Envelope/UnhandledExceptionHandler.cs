using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using OrderPlatform.Api.Localization;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.Envelope;

/// <summary>
/// Bugs and infrastructure faults (R3): HTTP 500 with the envelope, "Internal error" (or 内部错误,
/// R6) and a trace id to quote to support; never the exception's text or stack trace. The
/// exception itself is logged by the logging behaviour or Serilog's request logging.
/// </summary>
internal sealed class UnhandledExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var traceId = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
        var error = Error.Of(ErrorCode.InternalError).With("trace_id", traceId);
        await EnvelopeResults.Failure(error, RequestLanguage.Of(httpContext.Request)).ExecuteAsync(httpContext);
        return true;
    }
}
