using System.Globalization;

namespace OrderPlatform.Bench.Verify;

/// <summary>
/// What the load generator recorded, one line per answer (bench/wrk/create-order.lua): "order ID" for
/// code 0, "refused ERROR" for another envelope code, "failed STATUS ERROR" for a non-200 answer, and
/// "exhausted" when a run used up its coupon codes. The read scenarios (bench/wrk/read-orders.lua)
/// write only the refused and failed answers, then "checked N" (code-0 answers that passed their
/// check) and "socket-errors N" at the end of each run.
/// </summary>
internal sealed class Answers
{
    public List<long> OrderIds { get; } = [];

    public SortedDictionary<string, long> Refusals { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> Failures { get; } = new(StringComparer.Ordinal);

    public long ExhaustedRuns { get; private set; }

    public long Checked { get; private set; }

    public long SocketErrors { get; private set; }

    public static Answers ReadFolder(string folder)
    {
        var answers = new Answers();
        foreach (var line in Directory.EnumerateFiles(folder, "*.txt").SelectMany(File.ReadLines))
        {
            var (kind, rest) = line.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? (line[..space], line[(space + 1)..]) : (line, "");
            switch (kind)
            {
                case "order":
                    answers.OrderIds.Add(long.Parse(rest, NumberStyles.None, CultureInfo.InvariantCulture));
                    break;
                case "refused":
                    Count(answers.Refusals, rest);
                    break;
                case "failed":
                    Count(answers.Failures, rest);
                    break;
                case "exhausted":
                    answers.ExhaustedRuns++;
                    break;
                case "checked":
                    answers.Checked += long.Parse(rest, NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "socket-errors":
                    answers.SocketErrors += long.Parse(rest, NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new FormatException($"Unexpected answer line '{line}' in {folder}.");
            }
        }

        return answers;
    }

    private static void Count(SortedDictionary<string, long> counts, string reason) =>
        counts[reason] = counts.GetValueOrDefault(reason) + 1;
}
