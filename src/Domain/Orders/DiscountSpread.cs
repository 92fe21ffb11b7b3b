namespace OrderPlatform.Domain.Orders;

/// <summary>
/// Splits a discount over line amounts in proportion to them by the largest-remainder method,
/// so the parts always add up to the discount exactly (R39). Ties go to the earlier line.
/// </summary>
public static class DiscountSpread
{
    public static IReadOnlyList<long> Split(long discount, IReadOnlyList<long> lineAmounts)
    {
        ArgumentNullException.ThrowIfNull(lineAmounts);
        var total = lineAmounts.Aggregate(Int128.Zero, (sum, amount) => sum + amount);
        if (discount < 0 || lineAmounts.Any(a => a < 0) || (total == 0 && discount > 0) || discount > total)
        {
            throw new Common.DomainException($"Cannot spread {discount} over lines totalling {total}.");
        }

        if (discount == 0)
        {
            return lineAmounts.Select(_ => 0L).ToArray();
        }

        var parts = new long[lineAmounts.Count];
        var remainders = new Int128[lineAmounts.Count];
        long given = 0;
        for (var i = 0; i < lineAmounts.Count; i++)
        {
            var exact = (Int128)discount * lineAmounts[i];
            parts[i] = (long)(exact / total);
            remainders[i] = exact % total;
            given += parts[i];
        }

        var byRemainder = Enumerable.Range(0, parts.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i);
        foreach (var i in byRemainder.Take((int)(discount - given)))
        {
            parts[i]++;
        }

        return parts;
    }
}
