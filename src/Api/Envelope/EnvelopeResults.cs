using System.Globalization;
using OrderPlatform.Api.Authentication;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Api.Envelope;

/// <summary>
/// The one place that turns an application outcome into the HTTP answer, so every endpoint maps
/// errors identically: HTTP 200 for envelope outcomes (R3), 1001/1002 for login and service-key
/// errors (401 for a service key, R65), -1 for
/// the rest, and data = { error, field, ...extra } (R2). Only msg follows the request's
/// language (R6); code and data never do. A not_logged_in answer also says why (R9): what the
/// authentication handler found of the token.
/// </summary>
internal static class EnvelopeResults
{
    private const int StatusCodeClientClosedRequest = 499;
    private const string Succeeded = "ok";

    public static IResult Success(object data) => Answer(new ApiEnvelope(0, string.Empty, data), StatusCodes.Status200OK, Succeeded);

    /// <summary>The error's envelope, its message in <paramref name="culture"/>.</summary>
    public static IResult Failure(Error error, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(culture);
        if (error.MessageKey == ErrorMessages.ClientGoneKey)
        {
            // Nobody is left to read an answer; 499 (client closed request) only names the outcome in the request log.
            return RequestOutcome.Recorded(Results.StatusCode(StatusCodeClientClosedRequest), error.Name);
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["error"] = error.Name,
            ["field"] = error.Field,
        };
        foreach (var (key, value) in error.Data)
        {
            data[key] = value;
        }

        var answer = Answer(new ApiEnvelope(EnvelopeCode(error.Code), ErrorMessages.For(error, culture), data), HttpStatus(error), error.Name);
        return error.Code switch
        {
            ErrorCode.NotLoggedIn => new NotLoggedInAnswer(answer, data),
            ErrorCode.RateLimited => new RetryLaterAnswer(answer),
            _ => answer,
        };
    }

    public static UseCaseEnvelope From<T>(Result<T> result, CultureInfo culture)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsSuccess
            ? new UseCaseEnvelope(Success(result.Value), letUserThrough: true)
            : new UseCaseEnvelope(Failure(result.Error!, culture), result.Error!.Code is not (ErrorCode.NotLoggedIn or ErrorCode.NotAuthorized));
    }

    /// <summary>A list's outcome (R62): the page's items as data, and how many match in all.</summary>
    public static UseCaseEnvelope FromPage(Result<OrderPage> result, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsSuccess
            ? new UseCaseEnvelope(Answer(new ApiPageEnvelope(0, string.Empty, result.Value.Orders, result.Value.Total), StatusCodes.Status200OK, Succeeded), letUserThrough: true)
            : From(result, culture);
    }

    internal static int EnvelopeCode(ErrorCode code) => code switch
    {
        ErrorCode.NotLoggedIn => 1001,
        ErrorCode.NotAuthorized or ErrorCode.InvalidServiceKey => 1002,
        _ => -1,
    };

    private static IResult Answer(object envelope, int status, string outcome) =>
        RequestOutcome.Recorded(new JsonAnswer(envelope, status), outcome);

    /// <summary>The status goes with the code, but for a transfer the client broke: its invalid_json is a 400 (R3, R5).</summary>
    internal static int HttpStatus(Error error) => error.MessageKey == ErrorMessages.BrokenTransferKey ? StatusCodes.Status400BadRequest : error.Code switch
    {
        ErrorCode.InvalidServiceKey => StatusCodes.Status401Unauthorized,
        ErrorCode.NotFound => StatusCodes.Status404NotFound,
        ErrorCode.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ErrorCode.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCode.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCode.InternalError => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status200OK,
    };

    /// <summary>
    /// R56: a rate-limited answer says when to retry. The per-user limiter sets its own wait first; a
    /// refusal from inside the service (R52's 10,000 numbers of a second all given) asks for a second.
    /// </summary>
    private sealed class RetryLaterAnswer(IResult answer) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            if (string.IsNullOrEmpty(httpContext.Response.Headers.RetryAfter))
            {
                httpContext.Response.Headers.RetryAfter = "1";
            }

            return answer.ExecuteAsync(httpContext);
        }
    }

    /// <summary>
    /// The token finding belongs to the request, which only the executing answer knows: the use cases
    /// produce not_logged_in with no HTTP in sight, and every endpoint's refusal passes through here.
    /// </summary>
    private sealed class NotLoggedInAnswer(IResult answer, Dictionary<string, object?> data) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            TokenFinding.Of(httpContext).Describe(data);
            return answer.ExecuteAsync(httpContext);
        }
    }
}
