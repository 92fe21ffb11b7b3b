using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using OrderPlatform.Bench.Report;

namespace OrderPlatform.Bench.Floor;

/// <summary>
/// The raw floor: one connection places a scenario's orders back to back, one transaction each, on
/// the file the service just used (so the tables have the same size). First one order that must
/// match the service's (ParityCheck), then an unmeasured warm-up, then the measured seconds.
/// </summary>
internal static class FloorCommand
{
    public static int Run(CommandOptions options)
    {
        var scenario = FloorScenarios.ByName(options.Text("scenario"));
        var measured = TimeSpan.FromSeconds(options.Number("seconds"));
        var warmup = TimeSpan.FromSeconds(options.Number("warmup-seconds"));
        using var connection = BenchDatabase.Open(options.Text("database"));
        var buyers = LoadBuyers(connection);
        List<long> couponCodes = scenario.CouponId is null
            ? []
            : LoadCouponCodeIds(connection, options.Number("code-start"), options.Number("code-count"));
        var lastServiceOrder = LastOrderId(connection)
            ?? throw new InvalidOperationException("The database holds no order of the service's to compare the floor's with.");

        using var writer = new FloorOrderWriter(connection, scenario);
        var placed = 0;
        bool CanPlace() => scenario.CouponId is null || placed < couponCodes.Count;
        long PlaceNext()
        {
            var id = writer.Write(buyers[placed % buyers.Count], scenario.CouponId is null ? null : couponCodes[placed]);
            placed++;
            return id;
        }

        ParityCheck.Compare(connection, lastServiceOrder, PlaceNext());
        var warmupEnds = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        while (CanPlace() && Stopwatch.GetTimestamp() < warmupEnds)
        {
            PlaceNext();
        }

        var latenciesMs = new List<double>();
        var started = Stopwatch.GetTimestamp();
        var ends = started + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        while (CanPlace() && Stopwatch.GetTimestamp() < ends)
        {
            var orderStarted = Stopwatch.GetTimestamp();
            PlaceNext();
            latenciesMs.Add(Stopwatch.GetElapsedTime(orderStarted).TotalMilliseconds);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        latenciesMs.Sort();
        var row = new ResultRow(
            (int)options.Number("round"), scenario.Name, ResultRow.FloorLoad, latenciesMs.Count, elapsed,
            Statistics.Percentile(latenciesMs, 50), Statistics.Percentile(latenciesMs, 99), Refused: 0, Failed: 0);
        File.AppendAllLines(options.Text("results"), [row.Format()]);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"floor {scenario.Name}: {row.OrdersPerSecond:0} orders/s, p50 {row.P50Ms:0.00} ms, p99 {row.P99Ms:0.00} ms ({row.Orders} orders in {elapsed:0.0} s{(CanPlace() ? "" : ", stopped early: coupon codes used up")}); its rows match service order {lastServiceOrder}"));
        return 0;
    }

    private static List<Buyer> LoadBuyers(SqliteConnection connection)
    {
        using var command = BenchDatabase.Command(
            connection,
            "SELECT u.id, min(a.id) FROM users u JOIN addresses a ON a.user_id = u.id WHERE u.id >= $first GROUP BY u.id ORDER BY u.id;",
            "$first");
        command.Parameters["$first"].Value = BenchData.FirstUserId;
        using var reader = command.ExecuteReader();
        var buyers = new List<Buyer>();
        while (reader.Read())
        {
            buyers.Add(new Buyer(reader.GetInt64(0), reader.GetInt64(1)));
        }

        return buyers.Count > 0 ? buyers : throw new InvalidOperationException("No bench buyers: run prepare first.");
    }

    private static List<long> LoadCouponCodeIds(SqliteConnection connection, long start, long count)
    {
        using var command = BenchDatabase.Command(connection, "SELECT id FROM coupon_codes WHERE code = $code AND used_count = 0;", "$code");
        var ids = new List<long>();
        for (var number = start; number < start + count; number++)
        {
            command.Parameters["$code"].Value = BenchData.CouponCode(number);
            ids.Add(command.ExecuteScalar() as long? ?? throw new InvalidOperationException($"Coupon code {BenchData.CouponCode(number)} is missing or used: prepare more codes."));
        }

        return ids;
    }

    private static long? LastOrderId(SqliteConnection connection)
    {
        using var command = BenchDatabase.Command(connection, "SELECT max(id) FROM orders;");
        return command.ExecuteScalar() as long?;
    }
}
