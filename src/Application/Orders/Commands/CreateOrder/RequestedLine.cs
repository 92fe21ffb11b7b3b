namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>
/// One line as the client asked for it, whatever its source (goods_id, details or cart), with the
/// JSON path to report errors at. Every source becomes these before pricing.
/// </summary>
internal sealed record RequestedLine(string Path, long GoodsId, long SkuId, IReadOnlyList<long> OptionValueIds, int Quantity)
{
    public long? ClaimedPrice { get; init; }

    public long? ClaimedTotal { get; init; }

    /// <summary>The JSON path of one of this line's members, e.g. details[1].goods_id.</summary>
    public string FieldOf(string member) => Path.Length == 0 ? member : $"{Path}.{member}";

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
