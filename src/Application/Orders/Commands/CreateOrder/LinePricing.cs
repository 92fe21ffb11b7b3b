using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>Turns requested lines into priced drafts from the database's prices (R19, R21-R25, R32, R44-R45).</summary>
internal sealed class LinePricing(ICatalog catalog, IUserDirectory users)
{
    public async Task<Result<IReadOnlyList<OrderLineDraft>>> PriceGoodsAsync(
        IReadOnlyList<RequestedLine> requested, ReferralDiscount referral, Currency currency, CancellationToken cancellationToken)
    {
        var goodsIds = requested.Select(l => l.GoodsId).Where(id => id > 0).Distinct().ToArray();
        var products = await catalog.FindPublishedAsync(goodsIds, cancellationToken);
        var drafts = new List<OrderLineDraft>(requested.Count);
        foreach (var line in requested)
        {
            if (!products.TryGetValue(line.GoodsId, out var product))
            {
                return line.ErrorAt(ErrorCode.GoodsNotFound, "goods_id");
            }

            var sku = ChooseSku(product, line);
            if (sku.Error is { } skuError)
            {
                return skuError;
            }

            var originPrice = Money.Of(sku.Value?.Price ?? product.Price, currency);
            var draft = new OrderLineDraft
            {
                GoodsId = product.Id,
                SkuId = sku.Value?.Id,
                SellerId = product.SellerId,
                Snapshot = LineSnapshot.Of(product.Title, sku.Value?.OptionValues ?? []),
                OriginPrice = originPrice,
                UnitPrice = referral.Apply(originPrice),
                Quantity = line.Quantity,
                CustomFormUrlTemplate = product.CustomFormUrl,
            };

            if (PriceClaimError(line, draft) is { } changed)
            {
                return changed;
            }

            drafts.Add(draft);
        }

        return drafts;
    }

    /// <summary>A VIP order buys periods of a user group's membership (R44, R45).</summary>
    public async Task<Result<IReadOnlyList<OrderLineDraft>>> PriceMembershipAsync(
        RequestedLine line, ReferralDiscount referral, Currency currency, CancellationToken cancellationToken)
    {
        var group = line.GoodsId > 0 ? await users.FindGroupAsync(line.GoodsId, cancellationToken) : null;
        if (group is not { IsActive: true, Price: > 0 })
        {
            return line.ErrorAt(ErrorCode.VipGroupNotFound, "goods_id");
        }

        var originPrice = Money.Of(group.Price, currency);
        var draft = new OrderLineDraft
        {
            GoodsId = group.Id,
            SellerId = 0,
            Snapshot = LineSnapshot.Of(group.Title, []),
            OriginPrice = originPrice,
            UnitPrice = referral.Apply(originPrice),
            Quantity = line.Quantity,
        };
        return PriceClaimError(line, draft) is { } changed ? changed : new[] { draft };
    }

    /// <summary>R22, R23: the SKU named by id (authoritative), else by its exact set of option values.</summary>
    private static (CatalogSku? Value, Error? Error) ChooseSku(CatalogProduct product, RequestedLine line)
    {
        if (line.SkuId < 0)
        {
            return (null, SkuNotFound(line, "goods_sku_id"));
        }

        var selection = SkuSelection.Of(line.GoodsId, line.SkuId, line.OptionValueIds);
        if (product.Skus.Count == 0)
        {
            return selection.SkuId is null ? (null, null) : (null, SkuNotFound(line, "goods_sku_id"));
        }

        if (selection.SkuId is { } skuId)
        {
            var byId = product.Skus.FirstOrDefault(s => s.Id == skuId);
            return byId is null ? (null, SkuNotFound(line, "goods_sku_id")) : (byId, null);
        }

        if (selection.OptionValueIds.Count == 0)
        {
            return (null, line.ErrorAt(ErrorCode.SkuRequired, "goods_sku_id"));
        }

        var matches = product.Skus.Where(s => selection.MatchesOptionValues(s.OptionValues.Select(v => v.Id))).Take(2).ToList();
        return matches.Count == 1 ? (matches[0], null) : (null, SkuNotFound(line, "sku_values"));
    }

    private static Error SkuNotFound(RequestedLine line, string member) => line.ErrorAt(ErrorCode.SkuNotFound, member).With("sku_id", line.SkuId);

    /// <summary>R19: a price or line total the client shows must be the server's, else the client learns the current price.</summary>
    private static Error? PriceClaimError(RequestedLine line, OrderLineDraft draft)
    {
        var unitPrice = draft.UnitPrice.MinorUnits;
        var serverTotal = (Int128)unitPrice * line.Quantity;
        var member = line.ClaimedPrice is { } price && price != unitPrice ? "price"
            : line.ClaimedTotal is { } total && total != serverTotal ? "total_price"
            : null;
        return member is null
            ? null
            : line.ErrorAt(ErrorCode.PriceChanged, member).With("sku_id", draft.SkuId ?? 0).With("price", unitPrice);
    }
}
