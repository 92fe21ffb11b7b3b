using System.Net.Http.Headers;
using System.Text.Json;

namespace OrderPlatform.Api.ClientTests;

/// <summary>
/// Sends a secret the way one of docs/openapi.json's security schemes says (components.securitySchemes):
/// NSwag generates no code for security schemes, so a client developer applies them as this does, from
/// the document alone.
/// </summary>
public sealed class DocumentedCredential(string scheme, string secret) : DelegatingHandler
{
    private readonly JsonElement _scheme = OpenApiDocumentFile.SecurityScheme(scheme);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = _scheme.TryGetProperty("name", out var named) ? named.GetString() : null;
        switch (_scheme.GetProperty("type").GetString(), _scheme.TryGetProperty("in", out var location) ? location.GetString() : null)
        {
            case ("apiKey", "header"):
                request.Headers.Add(name!, secret);
                break;
            case ("apiKey", "cookie"):
                request.Headers.Add("Cookie", $"{name}={secret}");
                break;
            case ("http", _) when _scheme.GetProperty("scheme").GetString() is "bearer":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                break;
            default:
                throw new NotSupportedException($"Security scheme {scheme} is {_scheme}, which these tests do not know how to send.");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
