namespace OrderPlatform.Api.Requests;

/// <summary>
/// One member of a refused body that its request type does not know (R5): the member's JSON path, and
/// the known member at the same level it most likely misspells, or null when none is close.
/// </summary>
internal sealed record UnknownMember(string Member, string? Closest);
