namespace OrderPlatform.Bench;

/// <summary>An address as the addresses and order_addresses tables store it (District is the column "country").</summary>
internal sealed record ShippingAddress(string Name, string Phone, string Province, string City, string District, string Detail, string Postcode);
