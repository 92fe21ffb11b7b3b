using System.Globalization;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Api.Cli;

/// <summary><c>issue-token --user-id N [--hours H]</c>: prints a token signed with Auth:TokenSecret (R13). Needs no database.</summary>
internal static class IssueTokenCommand
{
    private const long DefaultHours = 24;
    private const long MaximumHours = 24 * 365;

    public static async Task<int?> RunAsync(WebApplication app, string[] args)
    {
        var userId = LongOption(args, "--user-id");
        // A --hours that is not a whole number (such as -1) is a mistake to report, not a reason to fall back to the default.
        var hours = LongOption(args, "--hours") ?? (args.Contains("--hours") ? 0 : DefaultHours);
        if (userId is not > 0 || hours is < 1 or > MaximumHours)
        {
            await Console.Error.WriteLineAsync($"usage: issue-token --user-id N [--hours H]   (N > 0, 1 <= H <= {MaximumHours}); see issue-token --help");
            return CommandLine.UsageError;
        }

        var token = app.Services.GetRequiredService<ITokenService>().Issue(userId.Value, TimeSpan.FromHours(hours));
        await Console.Out.WriteLineAsync(token);
        return 0;
    }

    private static long? LongOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && long.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}
