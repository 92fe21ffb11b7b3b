using System.Globalization;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.Cli;

/// <summary>
/// The service's commands besides serving: <c>issue-token --user-id N [--hours H]</c> prints a
/// token (R13), <c>migrate</c> applies migrations on any provider (the only way SQL Server is migrated).
/// </summary>
internal static class CommandLine
{
    public const string IssueToken = "issue-token";
    public const string Migrate = "migrate";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is IssueToken or Migrate;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[0] == Migrate)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
            await Console.Out.WriteLineAsync("Migrations applied.");
            return 0;
        }

        var userId = LongOption(args, "--user-id");
        var hours = LongOption(args, "--hours") ?? 24;
        if (userId is not > 0 || hours is < 1 or > 24 * 365)
        {
            await Console.Error.WriteLineAsync("usage: issue-token --user-id N [--hours H]   (N > 0, 1 <= H <= 8760)");
            return 2;
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
