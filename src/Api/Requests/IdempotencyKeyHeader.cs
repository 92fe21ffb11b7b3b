using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Idempotency;

namespace OrderPlatform.Api.Requests;

/// <summary>
/// R55 at the edge: the Idempotency-Key header, checked with the body and so before the login, as
/// a malformed request is (R9). Its fingerprint hashes the route with the body's raw bytes: the same
/// bytes to the same route are the same request, and any other byte makes another.
/// </summary>
internal static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>Set on an answer that is the stored answer to an earlier request with the same key.</summary>
    public const string ReplayedName = "Idempotent-Replayed";

    /// <summary>The key, or why it cannot be one: not 1 to 255 printable ASCII characters, or sent more than once.</summary>
    public static Result<IdempotencyKey> Read(StringValues values, string route, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (values.Count != 1 || !IdempotencyKey.IsWellFormed(values[0]))
        {
            return Error.Of(ErrorCode.IdempotencyKeyInvalid);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes(route + "\n"));
        hash.AppendData(body);
        return new IdempotencyKey(values[0]!, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
