namespace OrderPlatform.Application.Common.Options;

/// <summary>The "Retailer" configuration section (docs/contract.md section 11).</summary>
public sealed class RetailerOptions
{
    public const string SectionName = "Retailer";

    /// <summary>Every user with a group counts as a promoter, not only those flagged as retailers.</summary>
    public bool BecomeRetailer { get; set; }

    /// <summary>A promoter earns on their own purchases (R47).</summary>
    public bool AllowSelf { get; set; }
}
