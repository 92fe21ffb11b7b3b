using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Reads products as they are on sale now.</summary>
public interface ICatalog
{
    /// <summary>The published products (status 1) among <paramref name="goodsIds"/>, with their SKUs; missing ids are left out.</summary>
    Task<IReadOnlyDictionary<long, CatalogProduct>> FindPublishedAsync(IReadOnlyCollection<long> goodsIds, CancellationToken cancellationToken);
}

/// <summary>A product on sale; prices in minor units.</summary>
public sealed record CatalogProduct(long Id, string Title, long Price, long SellerId, string? CustomFormUrl, IReadOnlyList<CatalogSku> Skus);

/// <summary>A SKU of a product and the option values that make it up.</summary>
public sealed record CatalogSku(long Id, long Price, IReadOnlyList<SkuOptionValue> OptionValues);
