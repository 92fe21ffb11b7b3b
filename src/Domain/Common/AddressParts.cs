namespace OrderPlatform.Domain.Common;

/// <summary>Raw, unchecked address input; <see cref="Address.Create"/> turns it into an address or names the wrong part.</summary>
public sealed record AddressParts
{
    public string? Name { get; init; }

    public string? Phone { get; init; }

    public string? Province { get; init; }

    public string? City { get; init; }

    public string? District { get; init; }

    public string? Detail { get; init; }

    public string? Postcode { get; init; }
}
