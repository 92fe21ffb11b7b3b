using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// Reads published products and their SKUs in two queries, whatever the number of lines. The ids
/// come from the client, as many as fit in a body, so each list travels as one array parameter
/// rather than one parameter per id, of which SQLite and SQL Server allow only so many.
/// </summary>
internal sealed class Catalog(OrderPlatformDbContext db) : ICatalog
{
    private const int Published = 1;

    public async Task<IReadOnlyDictionary<long, CatalogProduct>> FindPublishedAsync(IReadOnlyCollection<long> goodsIds, CancellationToken cancellationToken)
    {
        if (goodsIds.Count == 0)
        {
            return new Dictionary<long, CatalogProduct>();
        }

        var products = await db.Products.AsNoTracking()
            .Where(p => EF.Parameter(goodsIds).Contains(p.Id) && p.Status == Published)
            .Select(p => new { p.Id, p.Title, p.Price, p.SellerId, p.CustomFormUrl })
            .ToListAsync(cancellationToken);
        var publishedIds = products.ConvertAll(p => p.Id);
        var skus = await db.ProductSkus.AsNoTracking()
            .Where(s => EF.Parameter(publishedIds).Contains(s.ProductId))
            .Select(s => new
            {
                s.Id,
                s.ProductId,
                s.Price,
                Values = s.Values
                    .OrderBy(v => v.OptionValue.OptionId)
                    .Select(v => new SkuOptionValue(v.OptionValue.Id, v.OptionValue.OptionId, v.OptionValue.Title, v.OptionValue.Option.Title))
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        var skusByProduct = skus.ToLookup(s => s.ProductId, s => new CatalogSku(s.Id, s.Price, s.Values));

        return products.ToDictionary(
            p => p.Id,
            p => new CatalogProduct(p.Id, p.Title, p.Price, p.SellerId, p.CustomFormUrl, skusByProduct[p.Id].ToList()));
    }
}
