namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of addresses: a buyer's saved shipping address. "Country" is the district, as in AnQiCMS.</summary>
public sealed class AddressRecord
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string Province { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    public string AddressInfo { get; set; } = string.Empty;

    public string Postcode { get; set; } = string.Empty;

    public long CreatedTime { get; set; }

    public long UpdatedTime { get; set; }
}
