using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderPlatform.Api.OpenApi;

/// <summary>
/// Documents the JSON request body of endpoints that read their body themselves (to answer a
/// wrong content type with the envelope, R1). Declaring it with Accepts() instead would let
/// routing answer 415 without the envelope. The body's schema is a named component, which
/// <see cref="ApiSchemas"/> adds for every type named here.
/// </summary>
internal sealed record RequestBodyDocumentation(Type BodyType)
{
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var documentation = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyDocumentation>().FirstOrDefault();
        if (documentation is null)
        {
            return Task.CompletedTask;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ApiSchemas.IdOf(documentation.BodyType), context.Document) },
            },
        };
        return Task.CompletedTask;
    }
}
