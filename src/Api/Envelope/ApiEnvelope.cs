namespace OrderPlatform.Api.Envelope;

/// <summary>Every response body (R2): code 0 with the data, or -1/1001/1002 with a message and the error's data.</summary>
public sealed record ApiEnvelope(int Code, string Msg, object? Data);
