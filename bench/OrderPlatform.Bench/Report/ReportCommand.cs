using System.Globalization;
using System.Text;

namespace OrderPlatform.Bench.Report;

/// <summary>
/// The results tables in Markdown: per scenario and load, the median over rounds of orders/s, p50 and
/// p99, and of each round's service-to-floor ratio (both measured on that round's file); refusals
/// and failures are totals over the rounds. The read scenarios get a table of their own, in
/// requests/s and without a floor.
/// </summary>
internal static class ReportCommand
{
    public static int Run(CommandOptions options)
    {
        var rows = File.ReadLines(options.Text("results")).Where(line => line.Length > 0).Select(ResultRow.Parse).ToList();
        var creates = rows.Where(r => !ReadScenarios.Includes(r.Scenario)).ToList();
        var reads = rows.Where(r => ReadScenarios.Includes(r.Scenario)).ToList();
        var report = new StringBuilder()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"Medians of {rows.Select(r => r.Round).Distinct().Count()} rounds; refused and failed are totals over the rounds."));
        if (creates.Count > 0 || reads.Count == 0)
        {
            report.AppendLine().Append(Table(creates));
        }

        if (reads.Count > 0)
        {
            report.AppendLine().Append(ReadTable(reads));
        }

        Console.Write(report);
        return 0;
    }

    private static string Table(List<ResultRow> rows)
    {
        var culture = CultureInfo.InvariantCulture;
        var table = new StringBuilder()
            .AppendLine("| scenario | load | orders/s | p50 (ms) | p99 (ms) | service ÷ floor | refused | failed |")
            .AppendLine("| --- | --- | --: | --: | --: | --: | --: | --: |");
        foreach (var scenario in rows.Select(r => r.Scenario).Distinct())
        {
            var ofScenario = rows.Where(r => r.Scenario == scenario).ToList();
            var floorByRound = ofScenario.Where(IsFloor).ToDictionary(r => r.Round, r => r.OrdersPerSecond);
            var loads = ofScenario.Where(r => !IsFloor(r)).Select(r => r.Load).Distinct().Append(ResultRow.FloorLoad);
            foreach (var load in loads)
            {
                var measured = ofScenario.Where(r => r.Load == load).ToList();
                if (measured.Count == 0)
                {
                    continue;
                }

                var ratios = measured.Where(r => floorByRound.ContainsKey(r.Round)).Select(r => r.OrdersPerSecond / floorByRound[r.Round]);
                table.AppendLine(string.Create(
                    culture,
                    $"| {scenario} | {Describe(load)} | {Statistics.Median(measured.Select(r => r.OrdersPerSecond)):0} | {Statistics.Median(measured.Select(r => r.P50Ms)):0.00} | {Statistics.Median(measured.Select(r => r.P99Ms)):0.00} | {Statistics.Median(ratios):0.00} | {measured.Sum(r => r.Refused)} | {measured.Sum(r => r.Failed)} |"));
            }
        }

        return table.ToString();
    }

    /// <summary>Requests/s counts the code-0 answers that passed their check.</summary>
    private static string ReadTable(List<ResultRow> rows)
    {
        var culture = CultureInfo.InvariantCulture;
        var table = new StringBuilder()
            .AppendLine("| scenario | load | requests/s | p50 (ms) | p99 (ms) | refused | failed |")
            .AppendLine("| --- | --- | --: | --: | --: | --: | --: |");
        foreach (var group in rows.GroupBy(r => (r.Scenario, r.Load)))
        {
            table.AppendLine(string.Create(
                culture,
                $"| {group.Key.Scenario} | {Describe(group.Key.Load)} | {Statistics.Median(group.Select(r => r.OrdersPerSecond)):0} | {Statistics.Median(group.Select(r => r.P50Ms)):0.00} | {Statistics.Median(group.Select(r => r.P99Ms)):0.00} | {group.Sum(r => r.Refused)} | {group.Sum(r => r.Failed)} |"));
        }

        return table.ToString();
    }

    private static bool IsFloor(ResultRow row) => row.Load == ResultRow.FloorLoad;

    private static string Describe(string load) => load switch
    {
        ResultRow.FloorLoad => "floor (raw SQL, 1 connection)",
        "1" => "1 connection",
        _ => load + " connections",
    };
}
