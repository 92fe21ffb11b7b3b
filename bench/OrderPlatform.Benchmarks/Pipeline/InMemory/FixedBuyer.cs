using OrderPlatform.Application.Common.Security;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Benchmarks.Pipeline.InMemory;

/// <summary>The signed-in user the Api's token handler would establish: the seed's demo buyer.</summary>
internal sealed class FixedBuyer : ICurrentUser
{
    public long? UserId => DemoData.BuyerId;
}
