using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Common;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// An address as the address book and the orders' address copies both store it, read from a
/// query that selects its seven columns in this order: name, phone, province, city, country,
/// address_info, postcode. The address book's is read as parts to be checked again; an order's
/// copy, checked when it was placed, straight into the answer.
/// </summary>
internal static class AddressColumns
{
    public static AddressParts PartsAt(IQueryRow row, int first)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new AddressParts
        {
            Name = row.GetString(first),
            Phone = row.GetString(first + 1),
            Province = row.GetString(first + 2),
            City = row.GetString(first + 3),
            District = row.GetString(first + 4),
            Detail = row.GetString(first + 5),
            Postcode = row.GetString(first + 6),
        };
    }

    public static OrderAddressDto AnswerAt(IQueryRow row, int first)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new OrderAddressDto
        {
            Name = row.GetString(first),
            Phone = row.GetString(first + 1),
            Province = row.GetString(first + 2),
            City = row.GetString(first + 3),
            Country = row.GetString(first + 4),
            AddressInfo = row.GetString(first + 5),
            Postcode = row.GetString(first + 6),
        };
    }
}
