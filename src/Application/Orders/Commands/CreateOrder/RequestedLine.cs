using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>
/// One line as the client asked for it, whatever its source (goods_id, details or cart), with the
/// JSON path to report errors at. Every source becomes these before pricing.
/// </summary>
internal sealed record RequestedLine(string Path, long GoodsId, long SkuId, IReadOnlyList<long> OptionValueIds, int Quantity)
{
    public long? ClaimedPrice { get; init; }

    public long? ClaimedTotal { get; init; }

    /// <summary>The cart item this line comes from, if it does (R42).</summary>
    public long? CartId { get; init; }

    /// <summary>
    /// The JSON path of one of this line's members, e.g. details[1].goods_id; for a cart item the
    /// client only sent its id, so the path is that id's, e.g. cart_ids[0].
    /// </summary>
    public string FieldOf(string member) => CartId is not null ? Path : Path.Length == 0 ? member : $"{Path}.{member}";

    /// <summary>An error about this line: at its member's path, naming the goods (and the cart item it came from).</summary>
    public Error ErrorAt(ErrorCode code, string member)
    {
        var error = Error.Of(code, FieldOf(member)).With("goods_id", GoodsId);
        return CartId is { } cartId ? error.With("cart_id", cartId) : error;
    }

    /// <summary>R41, R42: cart items become lines like any other, in the order their ids were sent, repeated ids once.</summary>
    public static IReadOnlyList<RequestedLine> FromCart(IReadOnlyList<long> cartIds, IReadOnlyDictionary<long, CartItem> items)
    {
        var lines = new List<RequestedLine>();
        foreach (var (id, index) in cartIds.Select((id, index) => (id, index)).DistinctBy(entry => entry.id))
        {
            var item = items[id];
            lines.Add(new RequestedLine($"cart_ids[{index}]", item.GoodsId, item.SkuId, [], item.Quantity) { CartId = item.Id });
        }

        return lines;
    }

    /// <summary>The lines a command asks for, from the first non-empty source (R14), quantities defaulted (R15).</summary>
    public static IReadOnlyList<RequestedLine> From(CreateOrderCommand command)
    {
        if (command.Details.Count > 0)
        {
            return command.Details
                .Select((d, i) => new RequestedLine($"details[{i}]", d.GoodsId, d.GoodsSkuId, d.SkuValues, DefaultQuantity(d.Quantity))
                {
                    ClaimedPrice = d.Price,
                    ClaimedTotal = d.TotalPrice,
                })
                .ToArray();
        }

        return [new RequestedLine(string.Empty, command.GoodsId, command.GoodsSkuId, [], DefaultQuantity(command.Quantity))];
    }

    private static int DefaultQuantity(long quantity) => quantity == 0 ? 1 : checked((int)quantity);
}
