using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Domain.Common;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>Translates between the request's address member and the domain's address parts, and names the member at fault.</summary>
internal static class AddressInput
{
    /// <summary>The buyer has no saved address with that id (R29): said by the read step, or by the write step when it went meanwhile.</summary>
    public static Error NotFound(long addressId) => Error.Of(ErrorCode.AddressNotFound, "address.id").With("address_id", addressId);

    public static AddressParts PartsOf(CreateOrderAddress address) => new()
    {
        Name = address.Name,
        Phone = address.Phone,
        Province = address.Province,
        City = address.City,
        District = address.Country,
        Detail = address.AddressInfo,
        Postcode = address.Postcode,
    };

    /// <summary>The JSON path of the part an address was refused for (R30), e.g. address.phone.</summary>
    public static string FieldOf(DomainError refusal) => FieldOf(Enum.Parse<AddressPart>(refusal.Part!));

    /// <summary>The JSON path of an address part, e.g. address.address_info for the detail.</summary>
    public static string FieldOf(AddressPart part) => "address." + part switch
    {
        AddressPart.Name => "name",
        AddressPart.Phone => "phone",
        AddressPart.Province => "province",
        AddressPart.City => "city",
        AddressPart.District => "country",
        AddressPart.Detail => "address_info",
        AddressPart.Postcode => "postcode",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown address part."),
    };
}
