using OrderPlatform.Application.Orders.Dtos;

namespace OrderPlatform.Application.Common.Idempotency;

/// <summary>What a key was first used for: the request's fingerprint and the order it placed, as it was answered then.</summary>
public sealed record IdempotentAnswer(string Fingerprint, OrderDto Order);
