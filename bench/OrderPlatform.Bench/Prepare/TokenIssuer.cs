using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrderPlatform.Bench.Prepare;

/// <summary>
/// Buyer tokens as the service reads them (src/Infrastructure/Auth/AnqiTokenService.cs): HS256 over
/// "&lt;secret&gt;-user-token", the user in "userId" and the expiry in "t", both as strings.
/// </summary>
internal sealed class TokenIssuer(string secret)
{
    private static readonly string EncodedHeader = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret + "-user-token");

    public string Issue(long userId, DateTimeOffset expires)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["userId"] = userId.ToString(CultureInfo.InvariantCulture),
            ["t"] = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        });
        var signingInput = EncodedHeader + "." + Base64Url.EncodeToString(payload);
        return signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput)));
    }
}
