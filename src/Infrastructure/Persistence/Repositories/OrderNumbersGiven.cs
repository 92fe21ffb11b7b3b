using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// R52 numbers an order by the second it was placed in and the last four digits of its id, so the
/// 10,001st order placed in one second would repeat the number of an earlier one, and the unique
/// index would refuse it as a fault. The service places about 8,500 orders a second on two cores
/// (docs/performance.md), near that limit. This remembers which id this process numbered with each
/// ending in each of the last <see cref="SecondsKept"/> seconds, so that the id allocator passes over
/// an id whose number another id already has. An order reaches the allocator a little after it was
/// placed, not always in the order placed, so one second per ending would not do.
/// </summary>
/// <remarks>
/// The same id again is not a repeat: SQLite hands out a rolled-back order's id once more. Only this
/// process's numbers are known, and only for orders placed in the seconds kept: another process on
/// the same database, or an order that waited longer than that, is kept from a repeat by the unique
/// index alone.
/// </remarks>
internal sealed class OrderNumbersGiven
{
    /// <summary>Seconds kept behind the latest one seen: far longer than an order waits for its write step.</summary>
    public const int SecondsKept = 10;

    private readonly Lock _lock = new();
    private readonly Dictionary<long, Dictionary<int, long>> _idsByEndingBySecond = [];
    private long _latestSecond = long.MinValue;

    /// <summary>True, and the number is now this id's, when no other id of this process has it.</summary>
    public bool TryTake(OrderId id, DateTimeOffset placedAt)
    {
        var second = placedAt.ToUnixTimeSeconds();
        var ending = OrderNumber.SuffixOf(id);
        lock (_lock)
        {
            if (second > _latestSecond)
            {
                _latestSecond = second;
                _idsByEndingBySecond.Keys.Where(kept => kept < second - SecondsKept).ToList().ForEach(old => _idsByEndingBySecond.Remove(old));
            }

            if (!_idsByEndingBySecond.TryGetValue(second, out var idsByEnding))
            {
                idsByEnding = [];
                _idsByEndingBySecond.Add(second, idsByEnding);
            }

            if (idsByEnding.TryGetValue(ending, out var holder) && holder != id.Value)
            {
                return false;
            }

            idsByEnding[ending] = id.Value;
            return true;
        }
    }

    /// <summary>Whether every number of <paramref name="placedAt"/>'s second is already given, so that no id can have one.</summary>
    public bool AllGiven(DateTimeOffset placedAt)
    {
        lock (_lock)
        {
            return _idsByEndingBySecond.TryGetValue(placedAt.ToUnixTimeSeconds(), out var idsByEnding) && idsByEnding.Count >= OrderNumber.PerSecond;
        }
    }
}
