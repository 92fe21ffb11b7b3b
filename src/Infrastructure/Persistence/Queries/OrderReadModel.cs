using AutoMapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Configurations;

namespace OrderPlatform.Infrastructure.Persistence.Queries;

/// <summary>
/// R61, R62, R67: orders read straight into the answer's shape, from the read context. A page is
/// three short queries, none of which reads more as the buyer's orders grow: the total from the
/// buyer's few rows of buyer_order_counts, the orders through the (user_id, id) or (user_id,
/// status, id) index (rows before and after the page are never read), and their lines.
/// </summary>
internal sealed class OrderReadModel([FromKeyedServices(ReadSide.ContextKey)] OrderPlatformDbContext db, IMapper mapper) : IOrderReadModel
{
    public Task<OrderDto?> FindByNumberAsync(long buyerId, string number, CancellationToken cancellationToken) =>
        ReadOneAsync(db.Orders.Where(o => o.BuyerId == buyerId && o.Number == number), cancellationToken);

    public Task<OrderDto?> FindByIdAsync(long buyerId, long id, CancellationToken cancellationToken)
    {
        var orderId = new OrderId(id);
        return ReadOneAsync(db.Orders.Where(o => o.BuyerId == buyerId && o.Id == orderId), cancellationToken);
    }

    public async Task<OrderPage> ListAsync(long buyerId, OrderStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var mine = db.Orders.Where(o => o.BuyerId == buyerId);
        var counts = db.BuyerOrderCounts.Where(c => c.UserId == buyerId);
        if (status is { } wanted)
        {
            mine = mine.Where(o => o.Status == wanted);
            counts = counts.Where(c => c.Status == (int)wanted);
        }

        var total = await counts.SumAsync(c => c.Orders, cancellationToken);
        var orders = total > page.Skip
            ? await ReadAsync(mine.OrderByDescending(o => o.Id).Skip(page.Skip).Take(page.Size), cancellationToken)
            : [];
        return new OrderPage(orders, total);
    }

    private async Task<OrderDto?> ReadOneAsync(IQueryable<Order> order, CancellationToken cancellationToken)
    {
        var found = await ReadAsync(order.Take(1), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    private async Task<IReadOnlyList<OrderDto>> ReadAsync(IQueryable<Order> orders, CancellationToken cancellationToken)
    {
        var headers = await orders.AsNoTracking().Select(OrderProjection.Header).ToListAsync(cancellationToken);
        if (headers.Count == 0)
        {
            return [];
        }

        var ids = headers.ConvertAll(h => h.Id);
        var lines = (await db.Set<OrderLine>().AsNoTracking()
                .Where(l => ids.Contains(EF.Property<OrderId>(l, OrderConfiguration.OrderForeignKey)))
                .OrderBy(l => l.Id)
                .Select(OrderProjection.Line)
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.OrderId);
        return headers.ConvertAll(h => h.ToDto(lines[h.Id], mapper));
    }
}
