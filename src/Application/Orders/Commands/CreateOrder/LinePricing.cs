using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>Reads what the command asks for and prices it from the database.</summary>
internal interface ILinePricing
{
    /// <summary>The requested lines (from the cart or the request) with their priced drafts, or the first line's refusal.</summary>
    Task<Result<PricedLines>> PriceAsync(CreateOrderCommand command, UserAccount buyer, ReferralDiscount referral, CancellationToken cancellationToken);
}

/// <summary>
/// Which lines, from which source (R14, R41, R42), at the database's prices (R19, R21-R25, R32,
/// R44, R45). Client money is only ever compared with the server's, never used.
/// </summary>
internal sealed class LinePricing(ICatalog catalog, IUserDirectory users, ICart cart, OrderSettings settings) : ILinePricing
{
    public async Task<Result<PricedLines>> PriceAsync(
        CreateOrderCommand command, UserAccount buyer, ReferralDiscount referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(buyer);
        var requested = await RequestedLinesAsync(command, buyer.Id, cancellationToken);
        if (requested.Failed(out var missing))
        {
            return missing;
        }

        var drafts = OrderTypeNames.Parse(command.Type) == OrderType.Vip
            ? await PriceMembershipAsync(requested.Value[0], referral, cancellationToken)
            : await PriceGoodsAsync(requested.Value, referral, cancellationToken);
        return drafts.Failed(out var refused) ? refused : new PricedLines(requested.Value, drafts.Value);
    }

    /// <summary>R14, R41: the requested lines; from the cart, every id must be an active item of the buyer.</summary>
    private async Task<Result<IReadOnlyList<RequestedLine>>> RequestedLinesAsync(CreateOrderCommand command, long buyerId, CancellationToken cancellationToken)
    {
        if (command.CartIds.Count == 0)
        {
            return Result<IReadOnlyList<RequestedLine>>.Of(RequestedLine.From(command));
        }

        var items = (await cart.FindActiveAsync(buyerId, command.CartIds, cancellationToken)).ToDictionary(i => i.Id);
        var missingAt = command.CartIds.ToList().FindIndex(id => !items.ContainsKey(id));
        return missingAt >= 0
            ? Error.Of(ErrorCode.CartItemNotFound, $"cart_ids[{missingAt}]").With("cart_id", command.CartIds[missingAt])
            : Result<IReadOnlyList<RequestedLine>>.Of(RequestedLine.FromCart(command.CartIds, items));
    }

    private async Task<Result<IReadOnlyList<OrderLineDraft>>> PriceGoodsAsync(
        IReadOnlyList<RequestedLine> requested, ReferralDiscount referral, CancellationToken cancellationToken)
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

            var chosen = ChooseSku(product, line);
            if (chosen.Failed(out var notChosen))
            {
                return notChosen;
            }

            var originPrice = Money.Of(chosen.Value.Price, settings.Currency);
            var draft = new OrderLineDraft
            {
                GoodsId = product.Id,
                SkuId = chosen.Value.SkuId,
                SellerId = product.SellerId,
                Snapshot = LineSnapshot.Of(product.Title, chosen.Value.OptionValues),
                OriginPrice = originPrice,
                UnitPrice = referral.Apply(originPrice),
                Quantity = line.Quantity,
                CustomFormUrlTemplate = product.CustomFormUrl,
            };

            if (CheckClaimedPrice(line, draft).Failed(out var changed))
            {
                return changed;
            }

            drafts.Add(draft);
        }

        return Result<IReadOnlyList<OrderLineDraft>>.Of(drafts);
    }

    /// <summary>A VIP order buys periods of a user group's membership (R44, R45).</summary>
    private async Task<Result<IReadOnlyList<OrderLineDraft>>> PriceMembershipAsync(
        RequestedLine line, ReferralDiscount referral, CancellationToken cancellationToken)
    {
        var group = line.GoodsId > 0 ? await users.FindGroupAsync(line.GoodsId, cancellationToken) : null;
        if (group is not { IsActive: true, Price: > 0 })
        {
            return line.ErrorAt(ErrorCode.VipGroupNotFound, "goods_id");
        }

        var originPrice = Money.Of(group.Price, settings.Currency);
        var draft = new OrderLineDraft
        {
            GoodsId = group.Id,
            SellerId = 0,
            Snapshot = LineSnapshot.Of(group.Title, []),
            OriginPrice = originPrice,
            UnitPrice = referral.Apply(originPrice),
            Quantity = line.Quantity,
        };
        return CheckClaimedPrice(line, draft).Failed(out var changed) ? changed : Result<IReadOnlyList<OrderLineDraft>>.Of([draft]);
    }

    /// <summary>R22, R23: the SKU named by id (authoritative), else by its exact set of option values; a product without SKUs is its own price.</summary>
    private static Result<ChosenSku> ChooseSku(CatalogProduct product, RequestedLine line)
    {
        if (line.SkuId < 0)
        {
            return SkuNotFound(line, "goods_sku_id");
        }

        var selection = SkuSelection.Of(line.GoodsId, line.SkuId, line.OptionValueIds);
        if (product.Skus.Count == 0)
        {
            return selection.SkuId is null ? new ChosenSku(null, product.Price, []) : SkuNotFound(line, "goods_sku_id");
        }

        if (selection.SkuId is { } skuId)
        {
            var byId = product.Skus.FirstOrDefault(s => s.Id == skuId);
            return byId is null ? SkuNotFound(line, "goods_sku_id") : ChosenSku.Of(byId);
        }

        if (selection.OptionValueIds.Count == 0)
        {
            return line.ErrorAt(ErrorCode.SkuRequired, "goods_sku_id");
        }

        var matches = product.Skus.Where(s => selection.MatchesOptionValues(s.OptionValues.Select(v => v.Id))).Take(2).ToList();
        return matches.Count == 1 ? ChosenSku.Of(matches[0]) : SkuNotFound(line, "sku_values");
    }

    private static Error SkuNotFound(RequestedLine line, string member) => line.ErrorAt(ErrorCode.SkuNotFound, member).With("sku_id", line.SkuId);

    /// <summary>R19: a price or line total the client shows must be the server's, else the client learns the current price.</summary>
    private static Result CheckClaimedPrice(RequestedLine line, OrderLineDraft draft)
    {
        var unitPrice = draft.UnitPrice.MinorUnits;
        var serverTotal = (Int128)unitPrice * line.Quantity;
        var member = line.ClaimedPrice is { } price && price != unitPrice ? "price"
            : line.ClaimedTotal is { } total && total != serverTotal ? "total_price"
            : null;
        return member is null
            ? Result.Success
            : line.ErrorAt(ErrorCode.PriceChanged, member).With("sku_id", draft.SkuId ?? 0).With("price", unitPrice);
    }

    /// <summary>What a line is priced as: the chosen SKU, or the product itself (no SKU id, no option values).</summary>
    private sealed record ChosenSku(long? SkuId, long Price, IReadOnlyList<SkuOptionValue> OptionValues)
    {
        public static ChosenSku Of(CatalogSku sku) => new(sku.Id, sku.Price, sku.OptionValues);
    }
}
