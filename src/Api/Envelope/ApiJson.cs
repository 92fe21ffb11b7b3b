using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace OrderPlatform.Api.Envelope;

/// <summary>The one JSON format of the API (R5): snake_case names, readable Chinese text, strict numbers.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };
}
