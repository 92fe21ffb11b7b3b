namespace OrderPlatform.Api.Envelope;

/// <summary>A list's body, as AnQiCMS answers lists (R62): the envelope plus how many items match in all.</summary>
public sealed record ApiPageEnvelope(int Code, string Msg, object Data, long Total);
