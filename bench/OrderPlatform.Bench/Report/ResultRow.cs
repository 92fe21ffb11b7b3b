using System.Globalization;

namespace OrderPlatform.Bench.Report;

/// <summary>
/// One measured run, one tab-separated line of the results file: written by bench/wrk/create-order.lua
/// (load = connections) and by the floor (load = "floor"); keep the two in step.
/// </summary>
internal sealed record ResultRow(
    int Round, string Scenario, string Load, long Orders, double Seconds, double P50Ms, double P99Ms, long Refused, long Failed)
{
    public const string FloorLoad = "floor";

    public double OrdersPerSecond => Orders / Seconds;

    public static ResultRow Parse(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 9)
        {
            throw new FormatException($"A results line has 9 tab-separated fields: '{line}'.");
        }

        var culture = CultureInfo.InvariantCulture;
        return new ResultRow(
            int.Parse(fields[0], culture),
            fields[1],
            fields[2],
            long.Parse(fields[3], culture),
            double.Parse(fields[4], culture),
            double.Parse(fields[5], culture),
            double.Parse(fields[6], culture),
            long.Parse(fields[7], culture),
            long.Parse(fields[8], culture));
    }

    public string Format() =>
        string.Create(CultureInfo.InvariantCulture, $"{Round}\t{Scenario}\t{Load}\t{Orders}\t{Seconds:0.000}\t{P50Ms:0.000}\t{P99Ms:0.000}\t{Refused}\t{Failed}");
}
