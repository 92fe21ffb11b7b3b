using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.Api.Requests;

/// <summary>The "Api" configuration section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The largest request body accepted (R4); 64 KiB by default.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 64 * 1024;
}
