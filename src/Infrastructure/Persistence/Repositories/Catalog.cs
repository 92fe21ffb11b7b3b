using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// Reads published products and their SKUs in two queries, whatever the number of lines. The ids
/// come from the client, as many as fit in a body, so each list travels as one array parameter
/// rather than one parameter per id, of which SQLite and SQL Server allow only so many. Both
/// queries run for every order, so they are compiled once instead of translated on every call.
/// </summary>
internal sealed class Catalog(OrderPlatformDbContext db) : ICatalog
{
    private const int Published = 1;

    private static readonly Func<OrderPlatformDbContext, long[], IAsyncEnumerable<PublishedProduct>> PublishedProducts =
        EF.CompileAsyncQuery((OrderPlatformDbContext context, long[] goodsIds) =>
            context.Products.AsNoTracking()
                .Where(p => goodsIds.Contains(p.Id) && p.Status == Published)
                .Select(p => new PublishedProduct(p.Id, p.Title, p.Price, p.SellerId, p.CustomFormUrl)));

    private static readonly Func<OrderPlatformDbContext, long[], IAsyncEnumerable<ProductSku>> SkusOf =
        EF.CompileAsyncQuery((OrderPlatformDbContext context, long[] productIds) =>
            context.ProductSkus.AsNoTracking()
                .Where(s => productIds.Contains(s.ProductId))
                .Select(s => new ProductSku(
                    s.Id,
                    s.ProductId,
                    s.Price,
                    s.Values
                        .OrderBy(v => v.OptionValue.OptionId)
                        .Select(v => new SkuOptionValue(v.OptionValue.Id, v.OptionValue.OptionId, v.OptionValue.Title, v.OptionValue.Option.Title))
                        .ToList())));

    public async Task<IReadOnlyDictionary<long, CatalogProduct>> FindPublishedAsync(IReadOnlyCollection<long> goodsIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(goodsIds);
        if (goodsIds.Count == 0)
        {
            return new Dictionary<long, CatalogProduct>();
        }

        var products = await PublishedProducts(db, [.. goodsIds]).ToListAsync(cancellationToken);
        var skus = await SkusOf(db, products.ConvertAll(p => p.Id).ToArray()).ToListAsync(cancellationToken);
        var skusByProduct = skus.ToLookup(s => s.ProductId, s => new CatalogSku(s.Id, s.Price, s.OptionValues));

        return products.ToDictionary(
            p => p.Id,
            p => new CatalogProduct(p.Id, p.Title, p.Price, p.SellerId, p.CustomFormUrl, skusByProduct[p.Id].ToList()));
    }

    private sealed record PublishedProduct(long Id, string Title, long Price, long SellerId, string? CustomFormUrl);

    private sealed record ProductSku(long Id, long ProductId, long Price, List<SkuOptionValue> OptionValues);
}
