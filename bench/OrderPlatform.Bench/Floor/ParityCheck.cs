using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OrderPlatform.Bench.Floor;

/// <summary>
/// Holds the floor to the service: an order the floor wrote must have the same rows, column for
/// column, as one the service wrote, except for what differs from order to order (ids, buyer,
/// times, coupon code). A schema change that the floor does not follow fails the run here.
/// </summary>
internal static class ParityCheck
{
    private static readonly TableRows[] Tables =
    [
        new(
            "orders",
            """
            SELECT *, end_time - created_time AS payment_window,
                address_id IS (SELECT min(a.id) FROM addresses a WHERE a.user_id = orders.user_id) AS ships_to_buyers_address
            FROM orders WHERE id = $order;
            """,
            ["id", "order_id", "user_id", "created_time", "updated_time", "end_time", "coupon_code_id", "address_id"]),
        new("order_details", "SELECT * FROM order_details WHERE order_id = $order ORDER BY id;", ["id", "order_id"]),
        new("order_addresses", "SELECT * FROM order_addresses WHERE order_id = $order;", ["order_id"]),
        new(
            "coupon_usages",
            """
            SELECT u.*, u.coupon_code_id = o.coupon_code_id AS same_code_as_order, u.user_id = o.user_id AS same_buyer_as_order
            FROM coupon_usages u JOIN orders o ON o.id = u.order_id WHERE u.order_id = $order ORDER BY u.id;
            """,
            ["id", "coupon_code_id", "user_id", "order_id", "created_time"]),
    ];

    public static void Compare(SqliteConnection connection, long serviceOrderId, long floorOrderId)
    {
        var differences = new List<string>();
        foreach (var table in Tables)
        {
            var service = table.Read(connection, serviceOrderId);
            var floor = table.Read(connection, floorOrderId);
            if (service.Count != floor.Count)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{table.Name}: the service wrote {service.Count} rows, the floor {floor.Count}"));
                continue;
            }

            for (var row = 0; row < service.Count; row++)
            {
                differences.AddRange(
                    service[row].Keys
                        .Where(column => !table.Varying.Contains(column) && !Equals(service[row][column], floor[row].GetValueOrDefault(column)))
                        .Select(column => $"{table.Name}[{row}].{column}: service {service[row][column]}, floor {floor[row].GetValueOrDefault(column)}"));
            }
        }

        if (differences.Count > 0)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"The floor's order {floorOrderId} does not write what the service's order {serviceOrderId} wrote; ")
                + "adjust bench/OrderPlatform.Bench/Floor (OrderSql, FloorScenarios):" + Environment.NewLine
                + string.Join(Environment.NewLine, differences));
        }
    }

    private sealed record TableRows(string Name, string Sql, IReadOnlyCollection<string> Varying)
    {
        public List<Dictionary<string, object>> Read(SqliteConnection connection, long orderId)
        {
            using var command = BenchDatabase.Command(connection, Sql, "$order");
            command.Parameters["$order"].Value = orderId;
            using var reader = command.ExecuteReader();
            var rows = new List<Dictionary<string, object>>();
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue, StringComparer.Ordinal));
            }

            return rows;
        }
    }
}
