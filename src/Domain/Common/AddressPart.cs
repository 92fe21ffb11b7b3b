namespace OrderPlatform.Domain.Common;

/// <summary>The parts of an address, in the order they are checked.</summary>
public enum AddressPart
{
    Name,
    Phone,
    Province,
    City,
    District,
    Detail,
    Postcode,
}
