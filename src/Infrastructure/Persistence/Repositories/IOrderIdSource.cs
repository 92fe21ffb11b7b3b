namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>Where the provider in use draws order ids from.</summary>
internal interface IOrderIdSource
{
    Task<long> NextAsync(CancellationToken cancellationToken);
}
