using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// Reads each published product with its SKUs and their option values in one written-out query,
/// prepared once (IReadStatements): it runs for every line of every order. A product's rows come one
/// per SKU option value, its SKUs in id order and each SKU's values in option order.
/// </summary>
internal sealed class Catalog(IReadStatements reads) : ICatalog
{
    private const int Published = 1;

    public async Task<IReadOnlyDictionary<long, CatalogProduct>> FindPublishedAsync(IReadOnlyCollection<long> goodsIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(goodsIds);
        var products = new Dictionary<long, CatalogProduct>();
        foreach (var goodsId in goodsIds)
        {
            if (!products.ContainsKey(goodsId) && await FindPublishedAsync(goodsId, cancellationToken) is { } product)
            {
                products.Add(goodsId, product);
            }
        }

        return products;
    }

    private async Task<CatalogProduct?> FindPublishedAsync(long goodsId, CancellationToken cancellationToken)
    {
        var rows = await reads.ListAsync(
            $@"SELECT p.id, p.title, p.price, p.user_id, p.custom_form_url, s.id, s.price, v.id, v.option_id, v.title, o.title
               FROM products p
               LEFT JOIN product_skus s ON s.product_id = p.id
               LEFT JOIN product_sku_values sv ON sv.sku_id = s.id
               LEFT JOIN product_option_values v ON v.id = sv.option_value_id
               LEFT JOIN product_options o ON o.id = v.option_id
               WHERE p.id = {goodsId} AND p.status = {Published}
               ORDER BY s.id, v.option_id",
            reader => new CatalogRow(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : (reader.GetInt64(5), reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : new SkuOptionValue(reader.GetInt64(7), reader.GetInt64(8), reader.GetString(9), reader.GetString(10))),
            cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var skus = new List<(long Id, long Price, List<SkuOptionValue> Values)>();
        foreach (var row in rows)
        {
            if (row.Sku is not { } sku)
            {
                continue;
            }

            if (skus.Count == 0 || skus[^1].Id != sku.Id)
            {
                skus.Add((sku.Id, sku.Price, []));
            }

            if (row.OptionValue is { } value)
            {
                skus[^1].Values.Add(value);
            }
        }

        var first = rows[0];
        return new CatalogProduct(
            first.GoodsId, first.Title, first.Price, first.SellerId, first.CustomFormUrl, skus.ConvertAll(sku => new CatalogSku(sku.Id, sku.Price, sku.Values)));
    }

    private sealed record CatalogRow(long GoodsId, string Title, long Price, long SellerId, string? CustomFormUrl, (long Id, long Price)? Sku, SkuOptionValue? OptionValue);
}
