using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Application.Orders.Commands.CancelOrder;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Application.Orders.Queries.GetOrderDetail;
using OrderPlatform.Application.Orders.Queries.ListOrders;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Seeding;
using SQLitePCL;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// R67: the detail and list reads use ConnectionStrings:OrderPlatformRead when it is set (a
/// replica), the main database otherwise, while commands keep writing to the main database.
/// R10: the signed-in buyer's account is read from the main database even then, so that a user
/// disabled there is refused at once.
/// R62: a page of the buyer's orders is found through the (user_id, id) or (user_id, status, id)
/// index in the order it is listed, so its cost does not grow with the orders beyond it, and the
/// orders before it are skipped in that index alone, never read; shown by SQLite's EXPLAIN QUERY
/// PLAN of the statements the list query really ran.
/// </summary>
public sealed class ReadSideTests
{
    [Fact]
    public async Task R67_reads_come_from_ConnectionStrings_OrderPlatformRead_when_set_and_from_the_main_database_otherwise()
    {
        await using var main = await OrderPlatformHost.StartAsync();

        // The replica is a copy taken before the order is placed, so it is the one file that lacks the order.
        var replicaPath = Path.Combine(main.Folder, "replica.db");
        await CopyDatabaseAsync(main.DatabasePath, replicaPath);
        await using var readsReplica = await OrderPlatformHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:OrderPlatformRead"] = $"Data Source={replicaPath}" },
            sharedDatabasePath: main.DatabasePath);
        var placed = await LifecycleScenario.PlaceAsync(main, DemoData.BuyerId, new CreateOrderCommand { GoodsId = DemoData.SingleProductId });

        var fromMain = await main.SendAsync(DemoData.BuyerId, new GetOrderDetailQuery(placed.Number, null));
        var fromReplica = await readsReplica.SendAsync(DemoData.BuyerId, new GetOrderDetailQuery(placed.Number, null));

        Assert.Equal(placed.Order.Id, fromMain.Value.Id);
        Assert.Equal(ErrorCode.OrderNotFound, fromReplica.Error?.Code);
        Assert.Equal(1, (await main.SendAsync(DemoData.BuyerId, new ListOrdersQuery(null, null, null))).Value.Total);
        Assert.Equal(0, (await readsReplica.SendAsync(DemoData.BuyerId, new ListOrdersQuery(null, null, null))).Value.Total);

        // Only reads go to the replica: the same host cancels the order in the main database, and still cannot read it.
        var cancelled = await readsReplica.SendAsync(DemoData.BuyerId, new CancelOrderCommand(placed.Number));
        Assert.True(cancelled.IsSuccess, cancelled.Error?.Name);
        Assert.Equal(-1, (await main.SendAsync(DemoData.BuyerId, new GetOrderDetailQuery(null, placed.Order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Value.Status);
        Assert.Equal(ErrorCode.OrderNotFound, (await readsReplica.SendAsync(DemoData.BuyerId, new GetOrderDetailQuery(placed.Number, null))).Error?.Code);
    }

    [Fact]
    public async Task R10_a_buyer_disabled_in_the_main_database_is_refused_at_once_even_when_reads_go_to_a_replica_that_has_them_active()
    {
        await using var main = await OrderPlatformHost.StartAsync();
        var placed = await LifecycleScenario.PlaceAsync(main, DemoData.BuyerId, new CreateOrderCommand { GoodsId = DemoData.SingleProductId });
        var replicaPath = Path.Combine(main.Folder, "replica.db");
        await CopyDatabaseAsync(main.DatabasePath, replicaPath);
        await using var readsReplica = await OrderPlatformHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:OrderPlatformRead"] = $"Data Source={replicaPath}" },
            sharedDatabasePath: main.DatabasePath);
        Assert.Equal(placed.Order.Id, (await readsReplica.SendAsync(DemoData.BuyerId, new GetOrderDetailQuery(placed.Number, null))).Value.Id);

        await using (var connection = new SqliteConnection($"Data Source={main.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE users SET status = 0 WHERE id = $id";
            command.Parameters.AddWithValue("$id", DemoData.BuyerId);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.Equal(ErrorCode.NotAuthorized, (await readsReplica.SendAsync(DemoData.BuyerId, new GetOrderDetailQuery(placed.Number, null))).Error?.Code);
        Assert.Equal(ErrorCode.NotAuthorized, (await readsReplica.SendAsync(DemoData.BuyerId, new ListOrdersQuery(null, null, null))).Error?.Code);
        Assert.Equal(ErrorCode.NotAuthorized, (await main.SendAsync(DemoData.BuyerId, new GetOrderDetailQuery(placed.Number, null))).Error?.Code);
    }

    [Theory]
    [InlineData(null, "IX_orders_user_id_id")]
    [InlineData("waiting", "IX_orders_user_id_status_id")]
    [InlineData("canceled", "IX_orders_user_id_status_id")]
    public async Task R62_a_page_is_searched_through_the_buyers_index_in_list_order_skipping_earlier_pages_in_the_index_alone(string? status, string index)
    {
        await using var host = await OrderPlatformHost.StartAsync();

        // Orders of two buyers, some cancelled, and more of the buyer's than one page holds.
        var placed = await LifecycleScenario.PlaceAsync(host, 24);
        foreach (var order in placed.Where((_, i) => i % 3 == 0))
        {
            Assert.True((await host.SendAsync(order.BuyerId, new CancelOrderCommand(order.Number))).IsSuccess);
        }

        var (answer, statements) = await ListTracingStatementsAsync(host, DemoData.BuyerId, new ListOrdersQuery(status, 2, 1));

        Assert.True(answer.IsSuccess, answer.Error?.Name);
        Assert.Single(answer.Value.Orders);
        var page = Assert.Single(statements, s => s.Contains("FROM \"orders\"", StringComparison.Ordinal) && s.Contains("LIMIT", StringComparison.Ordinal));
        var plan = await ExplainQueryPlanAsync(host.DatabasePath, page);

        // The page's ids come from the index alone (covering: no order row is read to be skipped); then only its own rows are read, by key.
        Assert.Matches($"SEARCH \\w+ USING COVERING INDEX {index} ", plan);
        Assert.Matches("SEARCH o USING INTEGER PRIMARY KEY", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);

        // The total is not counted from the orders at all: it is the buyer's kept count (buyer_order_counts), found by its key.
        var total = Assert.Single(statements, s => s.Contains("FROM \"buyer_order_counts\"", StringComparison.Ordinal));
        var totalPlan = await ExplainQueryPlanAsync(host.DatabasePath, total);
        Assert.StartsWith("SEARCH b USING", totalPlan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN", totalPlan, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sends the query as <paramref name="buyerId"/> and collects the SQL that the read-side context
    /// ran, traced by SQLite itself on that context's connection: what the query really sent, not a
    /// rebuilt copy. The connection is opened beforehand so that EF keeps it (and the trace) for the whole query.
    /// </summary>
    private static async Task<(Result<OrderPage> Answer, IReadOnlyList<string> Statements)> ListTracingStatementsAsync(
        OrderPlatformHost host, long buyerId, ListOrdersQuery query)
    {
        await using var scope = host.Services.CreateScopeFor(buyerId);
        var reads = scope.ServiceProvider.GetRequiredKeyedService<OrderPlatformDbContext>(ReadSide.ContextKey);
        await reads.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)reads.Database.GetDbConnection();
        var statements = new List<string>();
        raw.sqlite3_trace(connection.Handle, (strdelegate_trace)((_, sql) => statements.Add(sql)), null);
        try
        {
            var answer = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
            return (answer, statements);
        }
        finally
        {
            raw.sqlite3_trace(connection.Handle, (strdelegate_trace)null!, null);
            await reads.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string> ExplainQueryPlanAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var details = new List<string>();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3));
        }

        return string.Join('\n', details);
    }

    /// <summary>A consistent copy of the file, WAL included, as a replica would hold.</summary>
    private static async Task CopyDatabaseAsync(string databasePath, string copyPath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $copy";
        command.Parameters.AddWithValue("$copy", copyPath);
        await command.ExecuteNonQueryAsync();
    }
}
