using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderPlatform.Api.OpenApi;

/// <summary>
/// Documents the JSON request body of endpoints that read their body themselves (to answer a
/// wrong content type with the envelope, R1). Declaring it with Accepts() instead would let
/// routing answer 415 without the envelope.
/// </summary>
internal sealed record RequestBodyDocumentation(Type BodyType)
{
    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var documentation = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyDocumentation>().FirstOrDefault();
        if (documentation is null)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(documentation.BodyType, null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new OpenApiMediaType { Schema = schema },
            },
        };
    }
}
