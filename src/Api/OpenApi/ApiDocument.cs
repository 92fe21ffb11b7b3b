using System.Reflection;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of every endpoint. The build writes it to docs/openapi.json
/// (Microsoft.Extensions.ApiDescription.Server; CI fails when the committed copy differs), and
/// Development serves it at /openapi/v1.json.
/// </summary>
internal static class ApiDocument
{
    /// <summary>
    /// True when the build's document generator runs the entry point: it swaps in a server that never
    /// listens and only reads the endpoints, so the service must not need a database or real secrets then.
    /// </summary>
    public static bool IsBuildTimeGeneration { get; } =
        string.Equals(Assembly.GetEntryAssembly()?.GetName().Name, "GetDocument.Insider", StringComparison.Ordinal);

    public static WebApplicationBuilder AddApiDocument(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsBuildTimeGeneration)
        {
            DescribeWithoutServing(builder);
        }

        builder.Services.AddOpenApi(options =>
        {
            options.AddOperationTransformer(RequestBodyDocumentation.DescribeAsync);
            options.AddDocumentTransformer<ApiDocumentTransformer>();
        });
        return builder;
    }

    /// <summary>
    /// The generator builds in any environment, Production included, where the service refuses to
    /// start without a token secret (R13) and maps the payment endpoint only with a service key (R65).
    /// These stand-ins let it start and map every endpoint; nothing is served, so they guard nothing.
    /// The database's background jobs are taken out so that generating the document never opens a database.
    /// </summary>
    private static void DescribeWithoutServing(WebApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Auth:TokenSecret"] = "build-time-openapi-document-stand-in-secret",
            ["Internal:ServiceKeys:0"] = "build-time-openapi-document-stand-in-service-key",
        });
        var databaseJobs = builder.Services
            .Where(service => service.ServiceType == typeof(IHostedService) && service.ImplementationType?.Assembly == typeof(DatabaseInitializer).Assembly)
            .ToList();
        foreach (var job in databaseJobs)
        {
            builder.Services.Remove(job);
        }
    }
}
