using AutoMapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Queries;

/// <summary>
/// R61, R62, R67: orders read straight into the answer's shape, from the read context. An order is
/// one statement, with its address copy and lines joined. A page is two, none of which reads more
/// as the buyer's orders grow: the total from the buyer's few rows of buyer_order_counts, then the
/// page's orders with their address copies and lines, picked in a subquery that walks only the
/// (user_id, id) or (user_id, status, id) index, so that the rows it skips are never read.
/// </summary>
/// <remarks>
/// The queries are compiled once: a read then skips EF's per-query work (parameter extraction and
/// the query cache lookup), which cost more than the statement itself.
/// </remarks>
internal sealed class OrderReadModel([FromKeyedServices(ReadSide.ContextKey)] OrderPlatformDbContext db, IMapper mapper) : IOrderReadModel
{
    private static readonly Func<OrderPlatformDbContext, long, string, IAsyncEnumerable<OrderProjection.OrderRow>> ByNumber =
        EF.CompileAsyncQuery((OrderPlatformDbContext db, long buyerId, string number) =>
            db.Orders.Where(o => o.BuyerId == buyerId && o.Number == number).Select(OrderProjection.Header));

    private static readonly Func<OrderPlatformDbContext, long, OrderId, IAsyncEnumerable<OrderProjection.OrderRow>> ById =
        EF.CompileAsyncQuery((OrderPlatformDbContext db, long buyerId, OrderId id) =>
            db.Orders.Where(o => o.BuyerId == buyerId && o.Id == id).Select(OrderProjection.Header));

    private static readonly Func<OrderPlatformDbContext, long, int, int, IAsyncEnumerable<OrderProjection.OrderRow>> Page =
        EF.CompileAsyncQuery((OrderPlatformDbContext db, long buyerId, int skip, int take) =>
            db.Orders
                .Where(o => db.Orders.Where(p => p.BuyerId == buyerId)
                    .OrderByDescending(p => p.Id).Skip(skip).Take(take).Select(p => p.Id).Contains(o.Id))
                .OrderByDescending(o => o.Id)
                .Select(OrderProjection.Header));

    private static readonly Func<OrderPlatformDbContext, long, OrderStatus, int, int, IAsyncEnumerable<OrderProjection.OrderRow>> PageInStatus =
        EF.CompileAsyncQuery((OrderPlatformDbContext db, long buyerId, OrderStatus status, int skip, int take) =>
            db.Orders
                .Where(o => db.Orders.Where(p => p.BuyerId == buyerId && p.Status == status)
                    .OrderByDescending(p => p.Id).Skip(skip).Take(take).Select(p => p.Id).Contains(o.Id))
                .OrderByDescending(o => o.Id)
                .Select(OrderProjection.Header));

    private static readonly Func<OrderPlatformDbContext, long, CancellationToken, Task<long>> Total =
        EF.CompileAsyncQuery((OrderPlatformDbContext db, long buyerId, CancellationToken _) =>
            db.Set<BuyerOrderCountRecord>().Where(c => c.UserId == buyerId).Sum(c => c.Orders));

    private static readonly Func<OrderPlatformDbContext, long, int, CancellationToken, Task<long>> TotalInStatus =
        EF.CompileAsyncQuery((OrderPlatformDbContext db, long buyerId, int status, CancellationToken _) =>
            db.Set<BuyerOrderCountRecord>().Where(c => c.UserId == buyerId && c.Status == status).Sum(c => c.Orders));

    public Task<OrderDto?> FindByNumberAsync(long buyerId, string number, CancellationToken cancellationToken) =>
        FirstAsync(ByNumber(db, buyerId, number), cancellationToken);

    public Task<OrderDto?> FindByIdAsync(long buyerId, long id, CancellationToken cancellationToken) =>
        FirstAsync(ById(db, buyerId, new OrderId(id)), cancellationToken);

    public async Task<OrderPage> ListAsync(long buyerId, OrderStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var total = status is { } wanted
            ? await TotalInStatus(db, buyerId, (int)wanted, cancellationToken)
            : await Total(db, buyerId, cancellationToken);
        if (total <= page.Skip)
        {
            return new OrderPage([], total);
        }

        var rows = status is { } filter
            ? PageInStatus(db, buyerId, filter, page.Skip, page.Size)
            : Page(db, buyerId, page.Skip, page.Size);
        var orders = new List<OrderDto>(page.Size);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            orders.Add(row.ToDto(mapper));
        }

        return new OrderPage(orders, total);
    }

    private async Task<OrderDto?> FirstAsync(IAsyncEnumerable<OrderProjection.OrderRow> rows, CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            return row.ToDto(mapper);
        }

        return null;
    }
}
