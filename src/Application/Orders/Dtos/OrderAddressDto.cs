namespace OrderPlatform.Application.Orders.Dtos;

/// <summary>The order's copy of the shipping address (R31), in AnQiCMS's names.</summary>
public sealed record OrderAddressDto
{
    public string Name { get; init; } = string.Empty;

    public string Phone { get; init; } = string.Empty;

    public string Province { get; init; } = string.Empty;

    public string City { get; init; } = string.Empty;

    /// <summary>The district.</summary>
    public string Country { get; init; } = string.Empty;

    public string AddressInfo { get; init; } = string.Empty;

    public string Postcode { get; init; } = string.Empty;
}
