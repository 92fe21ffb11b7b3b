using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

internal sealed class OrderRepository(OrderPlatformDbContext db, IOrderIdSource ids) : IOrderRepository
{
    public async Task<OrderId> NextIdAsync(CancellationToken cancellationToken)
    {
        db.EnsureWriting();
        return new OrderId(await ids.NextAsync(cancellationToken));
    }

    public void Add(Order order)
    {
        db.EnsureWriting();
        db.Orders.Add(order);
    }
}
