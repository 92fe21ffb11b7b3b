using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Benchmarks.Pipeline.InMemory;

/// <summary>The seed's products that the two scenarios order (src/Infrastructure/Seeding/DemoDataSeeder.cs), as the catalogue reads them.</summary>
internal sealed class InMemoryCatalog : ICatalog
{
    private static readonly Task<IReadOnlyDictionary<long, CatalogProduct>> Products = Task.FromResult<IReadOnlyDictionary<long, CatalogProduct>>(
        new Dictionary<long, CatalogProduct>
        {
            [DemoData.SingleProductId] = new(DemoData.SingleProductId, "AnQiCMS Pro licence", 9900, DemoData.SellerId, null, []),
            [DemoData.ShirtProductId] = new(
                DemoData.ShirtProductId,
                "Cotton T-shirt",
                4900,
                DemoData.SellerId,
                null,
                [new CatalogSku(DemoData.SmallShirtSkuId, 4900, [new SkuOptionValue(156, 33, "Small", "Size")])]),
            [DemoData.JacketProductId] = new(
                DemoData.JacketProductId,
                "Denim jacket",
                12900,
                DemoData.SellerId,
                null,
                [new CatalogSku(DemoData.SmallDenimJacketSkuId, 12900, [new SkuOptionValue(153, 32, "Denim", "Fiber"), new SkuOptionValue(158, 34, "Small", "Size")])]),
        });

    /// <remarks>Answers with every product it has: the pricing looks up only the ones it asked for, and the substitute should cost nothing.</remarks>
    public Task<IReadOnlyDictionary<long, CatalogProduct>> FindPublishedAsync(IReadOnlyCollection<long> goodsIds, CancellationToken cancellationToken) => Products;
}
