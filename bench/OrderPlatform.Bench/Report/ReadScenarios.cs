namespace OrderPlatform.Bench.Report;

/// <summary>The scenarios of bench/wrk/read-orders.lua: requests answered, not orders placed, and no floor to compare with.</summary>
internal static class ReadScenarios
{
    public static bool Includes(string scenario) => scenario is "detail" or "list";
}
