using OrderPlatform.Application.Orders.Dtos;

namespace OrderPlatform.Application.Common.Idempotency;

/// <summary>A key held by this process's request, with the answer its first use got if it has one.</summary>
internal sealed class KeyTurn(IDisposable hold, OrderDto? earlierAnswer) : IDisposable
{
    /// <summary>The order the key placed before, to answer with again; null when the key is new.</summary>
    public OrderDto? EarlierAnswer { get; } = earlierAnswer;

    public void Dispose() => hold.Dispose();
}
