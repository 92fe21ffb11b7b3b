using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

internal sealed class OrderRepository(OrderPlatformDbContext db, IOrderIdSource ids, OrderNumbersGiven numbers, IWriteStatements statements) : IOrderRepository
{
    public async Task<OrderId?> NextIdAsync(DateTimeOffset placedAt, CancellationToken cancellationToken)
    {
        while (!numbers.AllGiven(placedAt))
        {
            var id = new OrderId(await ids.NextAsync(cancellationToken));
            if (numbers.TryTake(id, placedAt))
            {
                return id;
            }
        }

        // R52's format has no number left for this second; a later id would repeat one too.
        return null;
    }

    public Task AddAsync(Order order, CancellationToken cancellationToken) => statements.InsertAsync(order, cancellationToken);

    public Task<Order?> FindAsync(string number, CancellationToken cancellationToken) =>
        Stored().FirstOrDefaultAsync(o => o.Number == number, cancellationToken);

    public Task<Order?> FindAsync(OrderId id, CancellationToken cancellationToken) =>
        Stored().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public async Task<bool> TryMoveAsync(Order order, OrderStatus from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var (status, updated, paid, paymentId) = ((int)order.Status, order.UpdatedAt.ToUnixTimeSeconds(), order.PaidAt?.ToUnixTimeSeconds(), order.PaymentId);
        var moved = db.Model.FindEntityType(typeof(Order))?.FindProperty(SqliteOrderPlatformDbContext.VersionProperty) is not null
            ? await statements.ExecuteAsync(
                $"UPDATE orders SET status = {status}, updated_time = {updated}, paid_time = {paid}, payment_id = {paymentId}, version = version + 1 WHERE id = {order.Id.Value} AND status = {(int)from}",
                cancellationToken)
            : await statements.ExecuteAsync(
                $"UPDATE orders SET status = {status}, updated_time = {updated}, paid_time = {paid}, payment_id = {paymentId} WHERE id = {order.Id.Value} AND status = {(int)from}",
                cancellationToken);
        return moved == 1;
    }

    public async Task<IReadOnlyList<OrderId>> FindOverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.PendingPayment && o.PaymentDeadline != null && o.PaymentDeadline <= now)
            .OrderBy(o => o.PaymentDeadline)
            .ThenBy(o => o.Id)
            .Select(o => o.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);

    /// <summary>Orders as a command reads them to decide: the whole aggregate, not tracked, since only guarded updates write it back.</summary>
    private IQueryable<Order> Stored() => db.Orders.AsNoTracking().Include(o => o.Lines);
}
