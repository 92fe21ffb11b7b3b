using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// R52 numbers an order by the second it was placed in and the last four digits of its id, so the
/// 10,001st order placed in one second would repeat the number of an earlier one, and the unique
/// index would refuse it as a fault. The service places about 8,500 orders a second on two cores
/// (docs/performance.md), near that limit. This remembers, for each four-digit ending, the last id
/// this process numbered with it and that number's second, so that the id allocator passes over an id
/// whose number another id already has. The same id again is not a repeat: SQLite hands out the id of
/// a rolled-back order once more. Only this process's numbers are known: another process on the same
/// database is kept from a repeat by the unique index alone.
/// </summary>
internal sealed class OrderNumbersGiven
{
    private readonly Lock _lock = new();
    private readonly (long Id, long Second)[] _lastByEnding = new (long, long)[OrderNumber.PerSecond];

    /// <summary>True, and the number is now this id's, when no other id of this process has it.</summary>
    public bool TryTake(OrderId id, DateTimeOffset placedAt)
    {
        var second = placedAt.ToUnixTimeSeconds();
        ref var last = ref _lastByEnding[OrderNumber.SuffixOf(id)];
        lock (_lock)
        {
            if (last.Second == second && last.Id != id.Value)
            {
                return false;
            }

            last = (id.Value, second);
            return true;
        }
    }
}
