using Microsoft.Data.Sqlite;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Commands.CancelOrder;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Application.Orders.Queries.GetOrderDetail;
using OrderPlatform.Application.Orders.Queries.ListOrders;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Persistence.Queries;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// R67: the detail and list reads use ConnectionStrings:OrderPlatformRead when it is set (a
/// replica), the main database otherwise, while commands keep writing to the main database.
/// R10: the signed-in buyer's account is read from the main database even then, so that a user
/// disabled there is refused at once.
/// R62: a page of the buyer's orders is found through the (user_id, id) or (user_id, status, id)
/// index in the order it is listed, so its cost does not grow with the orders beyond it, and the
/// orders before it are skipped in that index alone, never read; shown by SQLite's EXPLAIN QUERY
/// PLAN of the statements the read model runs.
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
    [InlineData(null, null, "IX_orders_user_id_id")]
    [InlineData("waiting", OrderStatus.PendingPayment, "IX_orders_user_id_status_id")]
    [InlineData("canceled", OrderStatus.Cancelled, "IX_orders_user_id_status_id")]
    public async Task R62_a_page_is_searched_through_the_buyers_index_in_list_order_skipping_earlier_pages_in_the_index_alone(string? status, OrderStatus? filter, string index)
    {
        await using var host = await OrderPlatformHost.StartAsync();

        // Orders of two buyers, some cancelled, and more of the buyer's than one page holds.
        var placed = await LifecycleScenario.PlaceAsync(host, 24);
        foreach (var order in placed.Where((_, i) => i % 3 == 0))
        {
            Assert.True((await host.SendAsync(order.BuyerId, new CancelOrderCommand(order.Number))).IsSuccess);
        }

        var answer = await host.SendAsync(DemoData.BuyerId, new ListOrdersQuery(status, 2, 1));

        Assert.True(answer.IsSuccess, answer.Error?.Name);
        Assert.Single(answer.Value.Orders);
        var plan = await ExplainQueryPlanAsync(host.DatabasePath, OrderReadModel.PageStatement(DemoData.BuyerId, filter, PageRequest.Of(2, 1), withLimit: true));

        // The page's ids come from the index alone (covering: no order row is read to be skipped); then only its own rows are read, by key.
        Assert.Matches($"SEARCH \\w+ USING COVERING INDEX {index} ", plan);
        Assert.Matches("SEARCH o USING INTEGER PRIMARY KEY", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);

        // The total is not counted from the orders at all: it is the buyer's kept count (buyer_order_counts), found by its key.
        var totalPlan = await ExplainQueryPlanAsync(host.DatabasePath, OrderReadModel.TotalStatement(DemoData.BuyerId, filter));
        Assert.StartsWith("SEARCH buyer_order_counts USING", totalPlan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN", totalPlan, StringComparison.Ordinal);
    }

    /// <summary>SQLite's plan for the statement the read model runs, with its values bound as they are when it runs.</summary>
    private static async Task<string> ExplainQueryPlanAsync(string databasePath, FormattableString statement)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = WrittenOutSql.CreateCommand(connection, transaction: null, statement);
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
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
