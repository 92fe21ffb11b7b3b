namespace OrderPlatform.Api.Requests;

/// <summary>A JSON body as read, and the bytes it was read from.</summary>
internal sealed record JsonRequest<T>(T Body, ReadOnlyMemory<byte> Bytes);
