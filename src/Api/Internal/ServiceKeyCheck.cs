using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Localization;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.Internal;

/// <summary>
/// R65: an internal endpoint runs only for a caller whose X-Service-Key equals one of
/// Internal:ServiceKeys, else HTTP 401 with invalid_service_key. Keys are compared as SHA-256
/// digests in constant time, every configured key each time, so neither a key's content nor its
/// length shows in the response time. The header is never logged.
/// </summary>
internal sealed class ServiceKeyCheck : IEndpointFilter
{
    public const string HeaderName = "X-Service-Key";

    private readonly byte[][] _keyDigests;

    public ServiceKeyCheck(IOptions<InternalOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keyDigests = options.Value.ServiceKeys.Select(Digest).ToArray();
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        return request.Headers.TryGetValue(HeaderName, out var sent) && sent.Count == 1 && IsKnown(sent[0] ?? string.Empty)
            ? await next(context)
            : EnvelopeResults.Failure(Error.Of(ErrorCode.InvalidServiceKey), RequestLanguage.Of(request));
    }

    private bool IsKnown(string key)
    {
        var digest = Digest(key);
        var known = false;
        foreach (var keyDigest in _keyDigests)
        {
            known |= CryptographicOperations.FixedTimeEquals(digest, keyDigest);
        }

        return known;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
