namespace OrderPlatform.ArchitectureTests;

/// <summary>Fails a test with one line per offending type or member, under the rule it breaks.</summary>
internal static class Violations
{
    public static void AssertNone(string rule, IEnumerable<string> violations)
    {
        var found = violations.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (found.Length > 0)
        {
            Assert.Fail($"{rule}{Environment.NewLine}Violations ({found.Length}):{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", found));
        }
    }
}
