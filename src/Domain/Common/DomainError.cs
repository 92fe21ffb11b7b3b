namespace OrderPlatform.Domain.Common;

/// <summary>A refused business rule; <paramref name="Part"/> names the offending part (e.g. "phone"), when there is one.</summary>
public sealed record DomainError(DomainErrorCode Code, string? Part = null);
