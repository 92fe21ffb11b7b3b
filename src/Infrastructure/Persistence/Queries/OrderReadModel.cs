using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.Persistence.Queries;

/// <summary>
/// R61, R62, R67: orders read straight into the answer's shape, with the read side's statements
/// (on the replica when one is set). An order is one statement, with its address copy and lines
/// joined. A page is two, none of which reads more as the buyer's orders grow: the total from the
/// buyer's few rows of buyer_order_counts, then the page's orders with their address copies and
/// lines, picked in a subquery that walks only the (user_id, id) or (user_id, status, id) index, so
/// that the rows it skips are never read.
/// </summary>
/// <remarks>
/// Written out and, on SQLite, prepared once (decision 0009): compiling the statements again on
/// every request cost more than running them. The texts are constants, so each is one prepared
/// statement; paging is the one place where SQLite (LIMIT/OFFSET) and SQL Server (OFFSET/FETCH) differ.
/// </remarks>
internal sealed class OrderReadModel([FromKeyedServices(ReadSide.ContextKey)] IReadStatements reads) : IOrderReadModel
{
    private const string ByNumber = OrderProjection.Columns + " WHERE o.user_id = {0} AND o.order_id = {1} ORDER BY l.id";
    private const string ById = OrderProjection.Columns + " WHERE o.user_id = {0} AND o.id = {1} ORDER BY l.id";
    private const string PageOrder = " ORDER BY o.id DESC, l.id";
    private const string PageWithLimit = OrderProjection.Columns
        + " WHERE o.id IN (SELECT p.id FROM orders p WHERE p.user_id = {0} ORDER BY p.id DESC LIMIT {2} OFFSET {1})" + PageOrder;
    private const string PageInStatusWithLimit = OrderProjection.Columns
        + " WHERE o.id IN (SELECT p.id FROM orders p WHERE p.user_id = {0} AND p.status = {3} ORDER BY p.id DESC LIMIT {2} OFFSET {1})" + PageOrder;
    private const string PageWithFetch = OrderProjection.Columns
        + " WHERE o.id IN (SELECT p.id FROM orders p WHERE p.user_id = {0} ORDER BY p.id DESC OFFSET {1} ROWS FETCH NEXT {2} ROWS ONLY)" + PageOrder;
    private const string PageInStatusWithFetch = OrderProjection.Columns
        + " WHERE o.id IN (SELECT p.id FROM orders p WHERE p.user_id = {0} AND p.status = {3} ORDER BY p.id DESC OFFSET {1} ROWS FETCH NEXT {2} ROWS ONLY)" + PageOrder;

    public async Task<OrderDto?> FindByNumberAsync(long buyerId, string number, CancellationToken cancellationToken) =>
        (await OrdersAsync(FormattableStringFactory.Create(ByNumber, buyerId, number), cancellationToken)).FirstOrDefault();

    public async Task<OrderDto?> FindByIdAsync(long buyerId, long id, CancellationToken cancellationToken) =>
        (await OrdersAsync(FormattableStringFactory.Create(ById, buyerId, id), cancellationToken)).FirstOrDefault();

    public async Task<OrderPage> ListAsync(long buyerId, OrderStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var totals = await reads.ListAsync(TotalStatement(buyerId, status), ReadTotal, cancellationToken);
        var total = totals.Count == 0 ? 0 : totals[0];
        if (total <= page.Skip)
        {
            return new OrderPage([], total);
        }

        return new OrderPage(await OrdersAsync(PageStatement(buyerId, status, page, reads.PagesWithLimit), cancellationToken), total);
    }

    /// <summary>The statement that counts the buyer's orders (in one status), from buyer_order_counts.</summary>
    internal static FormattableString TotalStatement(long buyerId, OrderStatus? status) => status is { } wanted
        ? (FormattableString)$"SELECT SUM(orders) FROM buyer_order_counts WHERE user_id = {buyerId} AND status = {(int)wanted}"
        : $"SELECT SUM(orders) FROM buyer_order_counts WHERE user_id = {buyerId}";

    /// <summary>The statement that reads the page's orders, paged as the database does it.</summary>
    internal static FormattableString PageStatement(long buyerId, OrderStatus? status, PageRequest page, bool withLimit)
    {
        ArgumentNullException.ThrowIfNull(page);
        return (status, withLimit) switch
        {
            (null, true) => FormattableStringFactory.Create(PageWithLimit, buyerId, page.Skip, page.Size),
            (null, false) => FormattableStringFactory.Create(PageWithFetch, buyerId, page.Skip, page.Size),
            ({ } filter, true) => FormattableStringFactory.Create(PageInStatusWithLimit, buyerId, page.Skip, page.Size, (int)filter),
            ({ } filter, false) => FormattableStringFactory.Create(PageInStatusWithFetch, buyerId, page.Skip, page.Size, (int)filter),
        };
    }

    private static long ReadTotal(IQueryRow row) => row.IsDBNull(0) ? 0 : row.GetInt64(0);

    private async Task<List<OrderDto>> OrdersAsync(FormattableString sql, CancellationToken cancellationToken)
    {
        var rows = await reads.ListAsync(sql, new OrderProjection.RowReader().Read, cancellationToken);
        var orders = new List<OrderDto>(rows.Count);
        foreach (var order in rows)
        {
            if (order is not null)
            {
                orders.Add(order);
            }
        }

        return orders;
    }
}
