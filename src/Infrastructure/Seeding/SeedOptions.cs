namespace OrderPlatform.Infrastructure.Seeding;

/// <summary>The "Seed" configuration section.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Insert the demo data (docs/contract.md section 15) into an empty database at start.</summary>
    public bool Demo { get; set; }
}
