using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OrderPlatform.Bench.Verify;

/// <summary>
/// After the service has stopped: every code-0 answer must be an order in the database. Also reports
/// the refusals and failures by reason, the orders committed after wrk stopped waiting for their
/// answers, and whether the service added addresses (the floor assumes every buyer already had it).
/// </summary>
internal static class VerifyCommand
{
    public static int Run(CommandOptions options)
    {
        var answers = Answers.ReadFolder(options.Text("answers"));
        using var connection = BenchDatabase.Open(options.Text("database"));
        var stored = BuyerOrderIds(connection);
        var missing = answers.OrderIds.Count(id => !stored.Contains(id));
        var unanswered = stored.Count - (answers.OrderIds.Count - missing);
        var addedAddresses = AddedAddresses(connection);

        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture, $"verify: {answers.OrderIds.Count} code-0 answers, {missing} of them not in the orders table; {unanswered} more orders committed whose answers wrk did not wait for"));
        Console.WriteLine($"verify: refused {Describe(answers.Refusals)}; failed {Describe(answers.Failures)}");
        if (addedAddresses > 0)
        {
            Console.WriteLine(string.Create(culture, $"verify: the service added {addedAddresses} addresses, which the floor does not write: the request's address no longer matches BenchData.Address"));
        }

        if (answers.ExhaustedRuns > 0)
        {
            Console.WriteLine(string.Create(culture, $"verify: {answers.ExhaustedRuns} runs used up their coupon codes: raise CODES_PER_SECOND in bench/run.sh"));
        }

        return missing == 0 && addedAddresses == 0 && answers.ExhaustedRuns == 0 ? 0 : 1;
    }

    public static string Describe(SortedDictionary<string, long> counts) =>
        counts.Count == 0
            ? "0"
            : string.Create(CultureInfo.InvariantCulture, $"{counts.Values.Sum()} ({string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}"))})");

    private static HashSet<long> BuyerOrderIds(SqliteConnection connection)
    {
        using var command = BenchDatabase.Command(connection, "SELECT id FROM orders WHERE user_id >= $first;", "$first");
        command.Parameters["$first"].Value = BenchData.FirstUserId;
        using var reader = command.ExecuteReader();
        var ids = new HashSet<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static long AddedAddresses(SqliteConnection connection)
    {
        using var command = BenchDatabase.Command(
            connection, "SELECT count(*) - count(DISTINCT user_id) FROM addresses WHERE user_id >= $first;", "$first");
        command.Parameters["$first"].Value = BenchData.FirstUserId;
        return (long)command.ExecuteScalar()!;
    }
}
