using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Messaging;
using OrderPlatform.Application.Common.Security;

namespace OrderPlatform.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour (R60): one structured line per request with its name, user (0 when
/// anonymous), outcome (with the order number it created, logged only once the write has
/// committed) and elapsed time. Only those facts are logged, never the request itself: it may
/// hold names, phone numbers and addresses.
/// </summary>
internal sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger, ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IUseCaseResult
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var name = typeof(TRequest).Name;
        var userId = currentUser.UserId ?? 0;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccess)
            {
                LogSucceeded(name, userId, (response.Value as IReferencedResult)?.Reference, elapsedMs);
            }
            else
            {
                LogRefused(name, userId, response.Error!.Name, response.Error.Field, elapsedMs);
            }

            return response;
        }
        catch (Exception exception) when (LogFaulted(exception, name, userId, Stopwatch.GetElapsedTime(started).TotalMilliseconds))
        {
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} for user {UserId} succeeded ({Reference}) in {ElapsedMs:0.0} ms")]
    private partial void LogSucceeded(string request, long userId, string? reference, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} for user {UserId} refused with {Error} at {Field} in {ElapsedMs:0.0} ms")]
    private partial void LogRefused(string request, long userId, string error, string? field, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Request} for user {UserId} faulted after {ElapsedMs:0.0} ms")]
    private partial void LogFault(Exception exception, string request, long userId, double elapsedMs);

    private bool LogFaulted(Exception exception, string request, long userId, double elapsedMs)
    {
        LogFault(exception, request, userId, elapsedMs);
        return false;
    }
}
