using System.Text.Json;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>A response body read as the client sees it.</summary>
public sealed class Envelope
{
    private Envelope(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public int Code => Root.GetProperty("code").GetInt32();

    public string Msg => Root.GetProperty("msg").GetString()!;

    public JsonElement Data => Root.GetProperty("data");

    public string? Error => Data.GetProperty("error").GetString();

    public string? Field => Data.GetProperty("field").GetString();

    public static async Task<Envelope> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Envelope(document.RootElement.Clone());
    }
}
