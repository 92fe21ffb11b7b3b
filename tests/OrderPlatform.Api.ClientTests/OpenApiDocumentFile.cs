using System.Text.Json;

namespace OrderPlatform.Api.ClientTests;

/// <summary>docs/openapi.json, the document the client was generated from (copied next to the tests).</summary>
public static class OpenApiDocumentFile
{
    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "openapi.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static JsonElement SecurityScheme(string name) => Root.GetProperty("components").GetProperty("securitySchemes").GetProperty(name);

    /// <summary>The security schemes an operation accepts, any one of which is enough (its security requirements).</summary>
    public static IReadOnlyList<string> SecuritySchemesOf(string operationId) =>
        Operation(operationId).GetProperty("security").EnumerateArray()
            .SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name))
            .ToArray();

    private static JsonElement Operation(string operationId) =>
        Root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => operation.Value))
            .Single(operation => operation.GetProperty("operationId").GetString() == operationId);
}
