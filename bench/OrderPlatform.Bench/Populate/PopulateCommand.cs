using System.Globalization;
using Microsoft.Data.Sqlite;
using OrderPlatform.Bench.Floor;

namespace OrderPlatform.Bench.Populate;

/// <summary>
/// Gives the bench buyers a long order history in seconds, for the read scenarios: the orders the
/// service has just placed for them are the templates, and each is copied (with its address copy
/// and lines) under a new id, a new order number and the next buyer in turn, until the bench
/// buyers hold the number of orders asked for. Writes one line per bench order for the load
/// generator: buyer, id and order number.
/// </summary>
/// <remarks>
/// The copies are for reading only: the stock, coupon and address-book rows do not count them
/// (R66 does not hold for them), which no read looks at. Each copy gets its own second, counting
/// back from the oldest template, so that its order number has the service's form (R52) and is
/// unique; its payment deadline stays the template's, so the auto-close job leaves it alone during
/// a run.
/// </remarks>
internal static class PopulateCommand
{
    /// <summary>What a copy does not take from its template; every other column is copied, so the copy follows the schema.</summary>
    private static readonly string[] OrderColumnsSet = ["id", "order_id", "user_id", "address_id", "created_time", "updated_time"];

    public static int Run(CommandOptions options)
    {
        var wanted = options.Number("orders");
        using var connection = BenchDatabase.Open(options.Text("database"));
        var templates = Templates(connection);
        var buyers = Buyers(connection);
        var copies = wanted - templates.Count;
        if (templates.Count == 0 || copies < 0)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The bench buyers hold {templates.Count} orders placed by the service; populate needs between 1 and {wanted}."));
        }

        using (var transaction = connection.BeginTransaction())
        {
            Copy(connection, templates, buyers, copies);
            transaction.Commit();
        }

        // The copies would otherwise sit in the write-ahead log, which every read would search first.
        using (var checkpoint = BenchDatabase.Command(connection, "PRAGMA wal_checkpoint(TRUNCATE);"))
        {
            checkpoint.ExecuteNonQuery();
        }

        WriteTargets(connection, options.Text("targets"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"populated: {wanted} orders of {buyers.Count} bench buyers ({templates.Count} placed by the service, {copies} copies of them)"));
        return 0;
    }

    private static void Copy(SqliteConnection connection, List<TemplateOrder> templates, List<long> buyers, long copies)
    {
        var copiedOrderColumns = string.Join(", ", Columns(connection, "orders").Except(OrderColumnsSet));
        var copiedAddressColumns = string.Join(", ", Columns(connection, "order_addresses").Where(c => c != "order_id"));
        var copiedLineColumns = string.Join(", ", Columns(connection, "order_details").Where(c => c is not ("id" or "order_id")));
        using var order = BenchDatabase.Command(
            connection,
            $"""
            INSERT INTO orders (id, order_id, user_id, address_id, created_time, updated_time, {copiedOrderColumns})
            SELECT $id, $number, $user, CASE WHEN address_id IS NULL THEN NULL ELSE (SELECT min(id) FROM addresses WHERE user_id = $user) END,
                $time, $time, {copiedOrderColumns}
            FROM orders WHERE id = $template;
            """,
            "$id", "$number", "$user", "$time", "$template");
        using var address = BenchDatabase.Command(
            connection,
            $"INSERT INTO order_addresses (order_id, {copiedAddressColumns}) SELECT $id, {copiedAddressColumns} FROM order_addresses WHERE order_id = $template;",
            "$id", "$template");
        using var lines = BenchDatabase.Command(
            connection,
            $"INSERT INTO order_details (order_id, {copiedLineColumns}) SELECT $id, {copiedLineColumns} FROM order_details WHERE order_id = $template ORDER BY id;",
            "$id", "$template");
        using var counter = BenchDatabase.Command(
            connection,
            "UPDATE id_counters SET next_value = next_value + $count WHERE name = 'orders' RETURNING next_value - $count;",
            "$count");
        counter.Parameters["$count"].Value = copies;
        var firstId = (long)counter.ExecuteScalar()!;

        var numbers = new OrderNumbers();
        var firstTime = templates.Min(t => t.CreatedTime) - copies;
        for (var i = 0L; i < copies; i++)
        {
            var template = templates[(int)(i % templates.Count)];
            var id = firstId + i;
            var time = firstTime + i;
            order.Parameters["$id"].Value = id;
            order.Parameters["$number"].Value = numbers.For(id, time);
            order.Parameters["$user"].Value = buyers[(int)(i % buyers.Count)];
            order.Parameters["$time"].Value = time;
            order.Parameters["$template"].Value = template.Id;
            order.ExecuteNonQuery();
            address.Parameters["$id"].Value = id;
            address.Parameters["$template"].Value = template.Id;
            address.ExecuteNonQuery();
            lines.Parameters["$id"].Value = id;
            lines.Parameters["$template"].Value = template.Id;
            lines.ExecuteNonQuery();
        }
    }

    private static List<TemplateOrder> Templates(SqliteConnection connection)
    {
        using var command = BenchDatabase.Command(connection, "SELECT id, created_time FROM orders WHERE user_id >= $first ORDER BY id;", "$first");
        command.Parameters["$first"].Value = BenchData.FirstUserId;
        using var reader = command.ExecuteReader();
        var templates = new List<TemplateOrder>();
        while (reader.Read())
        {
            templates.Add(new TemplateOrder(reader.GetInt64(0), reader.GetInt64(1)));
        }

        return templates;
    }

    private static List<long> Buyers(SqliteConnection connection)
    {
        using var command = BenchDatabase.Command(connection, "SELECT id FROM users WHERE id >= $first ORDER BY id;", "$first");
        command.Parameters["$first"].Value = BenchData.FirstUserId;
        using var reader = command.ExecuteReader();
        var buyers = new List<long>();
        while (reader.Read())
        {
            buyers.Add(reader.GetInt64(0));
        }

        return buyers.Count > 0 ? buyers : throw new InvalidOperationException("No bench buyers: run prepare first.");
    }

    private static List<string> Columns(SqliteConnection connection, string table)
    {
        using var command = BenchDatabase.Command(connection, $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid;");
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    /// <summary>"USER_ID&lt;TAB&gt;ID&lt;TAB&gt;ORDER_NUMBER", a buyer's orders oldest first, as bench/wrk/read-orders.lua reads them.</summary>
    private static void WriteTargets(SqliteConnection connection, string path)
    {
        using var command = BenchDatabase.Command(connection, "SELECT user_id, id, order_id FROM orders WHERE user_id >= $first ORDER BY user_id, id;", "$first");
        command.Parameters["$first"].Value = BenchData.FirstUserId;
        using var reader = command.ExecuteReader();
        using var file = new StreamWriter(path);
        while (reader.Read())
        {
            file.Write(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture));
            file.Write('\t');
            file.Write(reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
            file.Write('\t');
            file.WriteLine(reader.GetString(2));
        }
    }
}
