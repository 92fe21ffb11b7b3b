namespace OrderPlatform.Bench.Floor;

/// <summary>A bench buyer and the id of the address it already has in its address book.</summary>
internal sealed record Buyer(long UserId, long AddressId);
