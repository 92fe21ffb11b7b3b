namespace OrderPlatform.Domain.Common;

/// <summary>
/// A complete, valid shipping address (R30). Text is trimmed. <see cref="District"/> travels as
/// "country" in the AnQiCMS API, which uses that name for the district.
/// </summary>
public sealed record Address
{
    private Address(string name, string phone, string province, string city, string district, string detail, string postcode)
    {
        Name = name;
        Phone = phone;
        Province = province;
        City = city;
        District = district;
        Detail = detail;
        Postcode = postcode;
    }

    public string Name { get; }

    public string Phone { get; }

    public string Province { get; }

    public string City { get; }

    public string District { get; }

    public string Detail { get; }

    public string Postcode { get; }

    /// <summary>Validates every part in a fixed order and names the first one that is wrong.</summary>
    public static DomainResult<Address> Create(AddressParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var name = Clean(parts.Name);
        var phone = Clean(parts.Phone);
        var province = Clean(parts.Province);
        var city = Clean(parts.City);
        var district = Clean(parts.District);
        var detail = Clean(parts.Detail);
        var postcode = Clean(parts.Postcode);

        var wrongPart =
            !HasLength(name, 64) ? AddressPart.Name
            : !HasLength(phone, 20) || Text.CharacterCount(phone) < 5 || !phone.All(IsPhoneCharacter) ? AddressPart.Phone
            : !HasLength(province, 100) ? AddressPart.Province
            : !HasLength(city, 100) ? AddressPart.City
            : !HasLength(district, 100) ? AddressPart.District
            : !HasLength(detail, 255) ? AddressPart.Detail
            : !HasLength(postcode, 36) || !postcode.All(IsPostcodeCharacter) ? AddressPart.Postcode
            : (AddressPart?)null;

        if (wrongPart is { } part)
        {
            return new DomainError(DomainErrorCode.InvalidAddress, part.ToString());
        }

        return new Address(name, phone, province, city, district, detail, postcode);
    }

    private static string Clean(string? value) => value?.Trim() ?? string.Empty;

    private static bool HasLength(string value, int maxCharacters)
    {
        var length = Text.CharacterCount(value);
        return length >= 1 && length <= maxCharacters;
    }

    private static bool IsPhoneCharacter(char c) => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')';

    private static bool IsPostcodeCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-';
}
