using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Infrastructure.Auth;

/// <summary>
/// AnQiCMS user tokens (R8): HS256 JWTs signed with "&lt;secret&gt;-user-token", the user in
/// "userId" (or "sub") and the expiry in "t" (or "exp"), each a string or a number. Any other
/// algorithm is refused, and so is a token without an expiry.
/// </summary>
internal sealed class AnqiTokenService(IOptions<AuthOptions> options, TimeProvider clock) : ITokenService
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.TokenSecret + "-user-token");

    public string Issue(long userId, TimeSpan lifetime)
    {
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["userId"] = userId.ToString(CultureInfo.InvariantCulture),
            ["t"] = expires.ToString(CultureInfo.InvariantCulture),
        });
        var signingInput = Base64Url.EncodeToString(Header) + "." + Base64Url.EncodeToString(payload);
        return signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput)));
    }

    public TokenReading Read(string token) => Genuine(token) switch
    {
        null => TokenReading.Invalid,
        var claims when claims.ExpiresAt > clock.GetUtcNow() => new TokenReading(claims, HasExpired: false),
        _ => new TokenReading(null, HasExpired: true),
    };

    /// <summary>What a token says when it is well formed and signed with the site key, whatever its expiry; null otherwise.</summary>
    private TokenClaims? Genuine(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !IsHs256(parts[0]) || !HasValidSignature(parts))
        {
            return null;
        }

        if (!TryDecodeJson(parts[1], out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var userId = ReadInteger(payload, "userId") ?? ReadInteger(payload, "sub");
        var expiry = ReadInteger(payload, "t") ?? ReadInteger(payload, "exp");
        if (userId is not > 0 || expiry is null)
        {
            return null;
        }

        return new TokenClaims(userId.Value, DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(expiry.Value, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds())));
    }

    private static bool IsHs256(string encodedHeader) =>
        TryDecodeJson(encodedHeader, out var header)
        && header.ValueKind == JsonValueKind.Object
        && header.TryGetProperty("alg", out var alg)
        && alg.ValueKind == JsonValueKind.String
        && alg.GetString() == "HS256";

    /// <remarks>
    /// Only the one canonical spelling of the signature counts: a decoder that skips padding and
    /// whitespace would let the same token be written many ways, and anything keyed by the token
    /// text (a revocation list, a cache) could be walked around.
    /// </remarks>
    private bool HasValidSignature(string[] parts)
    {
        var expected = Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2]));
    }

    private static bool TryDecodeJson(string encoded, out JsonElement element)
    {
        element = default;
        if (!encoded.All(IsBase64UrlCharacter) || !Base64Url.IsValid(encoded))
        {
            return false;
        }

        try
        {
            element = JsonDocument.Parse(Base64Url.DecodeFromChars(encoded)).RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static long? ReadInteger(JsonElement payload, string name)
    {
        if (!payload.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static bool IsBase64UrlCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
