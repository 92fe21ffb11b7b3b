using System.Reflection;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Localization;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.Requests;

/// <summary>
/// Reads a JSON request body strictly (R1, R4, R5): application/json only, a size limit, syntax
/// errors and wrong member types told apart, and the offending member named by its JSON path.
/// Bytes that are not UTF-8 are not JSON. Each refusal names its sentence by message key, shown in
/// the caller's language (R6); data.expected stays English, like every code. A member of the wrong
/// type is listed with the body's unknown members, which may be why it is there.
/// </summary>
internal sealed partial class JsonBody(IOptions<ApiOptions> options, ILogger<JsonBody> logger)
{
    /// <summary>
    /// A member named twice is refused: readers disagree on which one counts (System.Text.Json and Go
    /// take the last, others the first), so a body that a proxy in front of the service reads one way
    /// could place an order read the other way.
    /// </summary>
    private static readonly JsonDocumentOptions StrictDocument = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// The body read as <typeparamref name="T"/>, with the bytes it was read from: an idempotency key's
    /// fingerprint hashes them (R55), and a refusal lists the members <typeparamref name="T"/> does not know (R5).
    /// </summary>
    public async Task<Result<JsonRequest<T>>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return Error.Of(ErrorCode.UnsupportedMediaType);
        }

        var limit = options.Value.MaxBodyBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        var transfer = await ReadTransferAsync(request, limit, cancellationToken);
        if (transfer.Failed(out var broken))
        {
            return broken;
        }

        var bytes = transfer.Value;
        if (bytes.Length == 0)
        {
            return InvalidJson(ErrorMessages.EmptyBodyKey);
        }

        // RFC 8259: JSON text is UTF-8. The parser checks only what it decodes, so bytes in members nobody reads would pass.
        if (!Utf8.IsValid(bytes))
        {
            return InvalidJson(ErrorMessages.NotUtf8Key);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, StrictDocument);
        }
        catch (JsonException)
        {
            return InvalidJson(IsJsonWithRepeatedMembers(bytes) ? ErrorMessages.DuplicateMemberKey : ErrorMessages.NotJsonKey);
        }
        catch (InvalidOperationException)
        {
            // The duplicate check decodes every member name, and a name holding an escaped lone surrogate cannot be decoded.
            return InvalidJson(ErrorMessages.NotJsonKey);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return InvalidJson(ErrorMessages.NotObjectKey);
            }

            try
            {
                return new JsonRequest<T>(document.Deserialize<T>(ApiJson.Options)!, bytes);
            }
            catch (JsonException exception)
            {
                var field = FieldOf(exception.Path);
                var expected = Describe(TypeAt(typeof(T), field));
                var wrongType = InvalidJson(ErrorMessages.WrongTypeKey, field).With("expected", ErrorMessages.ExpectedWord(expected, RequestLanguage.English));
                return UnknownMembers.Listed(wrongType, typeof(T), document.RootElement);
            }
        }
    }

    /// <summary>Only after the strict parse refused the body: whether its one fault is a member named twice.</summary>
    private static bool IsJsonWithRepeatedMembers(byte[] bytes)
    {
        try
        {
            using var lenient = JsonDocument.Parse(bytes);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static Error InvalidJson(string messageKey, string? field = null) => Error.Of(ErrorCode.InvalidJson, field) with { MessageKey = messageKey };

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static Error TooLarge(long limit) => Error.Of(ErrorCode.PayloadTooLarge).With("max_bytes", limit);

    /// <summary>
    /// The body's bytes, or why there are none: over the limit (R4), a transfer the client broke (bad
    /// chunking, fewer bytes than its Content-Length, a body too slow to arrive), or a client that went
    /// away. The client's faults are logged as warnings, without a stack trace: any client could
    /// otherwise fill the error log.
    /// </summary>
    private async Task<Result<byte[]>> ReadTransferAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await ReadLimitedAsync(request.Body, limit, cancellationToken);
            return bytes is null ? TooLarge(limit) : bytes;
        }
        catch (BadHttpRequestException exception)
        {
            LogBrokenTransfer(request.Method, request.Path, exception.Message);
            return InvalidJson(ErrorMessages.BrokenTransferKey);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException && request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            LogClientGone(request.Method, request.Path);
            return InvalidJson(ErrorMessages.ClientGoneKey);
        }
        catch (IOException exception)
        {
            // Kestrel reports some broken framing this way, not as BadHttpRequestException: a chunk size past 2^31 overflows.
            LogBrokenTransfer(request.Method, request.Path, exception.Message);
            return InvalidJson(ErrorMessages.BrokenTransferKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the client broke the body's transfer ({Reason}); answered invalid_json")]
    private partial void LogBrokenTransfer(string method, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path}: the client went away while sending the body; nothing to answer")]
    private partial void LogClientGone(string method, PathString path);

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>"$.details[0].quantity" becomes "details[0].quantity".</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The CLR type the body expects at a JSON path, following snake_case member names and list elements.</summary>
    private static Type? TypeAt(Type root, string field)
    {
        Type? current = root;
        foreach (Match segment in PathSegment().Matches(field))
        {
            current = Unwrap(current);
            var name = segment.Groups["name"].Value;
            var property = current?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => ApiJson.Options.PropertyNamingPolicy!.ConvertName(p.Name) == name);
            current = property?.PropertyType;
            if (segment.Groups["index"].Success && current is { IsGenericType: true })
            {
                current = current.GetGenericArguments()[0];
            }
        }

        return Unwrap(current);
    }

    private static Type? Unwrap(Type? type) => type is null ? null : Nullable.GetUnderlyingType(type) ?? type;

    private static ErrorMessages.Expected Describe(Type? type) => type switch
    {
        null => ErrorMessages.Expected.Value,
        _ when type == typeof(long) || type == typeof(int) => ErrorMessages.Expected.Integer,
        _ when type == typeof(string) => ErrorMessages.Expected.String,
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) => ErrorMessages.Expected.Array,
        _ => ErrorMessages.Expected.Object,
    };

    [GeneratedRegex(@"(?<name>[a-z0-9_]+)(\[(?<index>\d+)\])?")]
    private static partial Regex PathSegment();
}
