using System.Reflection;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.Cli;

/// <summary>
/// The executable's commands: <c>serve</c> (the default), <c>issue-token</c>, <c>migrate</c>,
/// <c>reset-demo</c> and <c>help</c>. Help and mistakes in the command line are answered before any
/// configuration is read; a configuration the service cannot run with ends the process with one line
/// on standard error and exit code 1, never with a stack trace.
/// </summary>
internal static class CommandLine
{
    public const string Serve = "serve";
    public const string IssueToken = "issue-token";
    public const string Migrate = "migrate";
    public const string ResetDemo = "reset-demo";
    public const string Help = "help";

    /// <summary>The exit code of a command line that cannot run as given: an unknown command, a missing argument, a refused environment.</summary>
    public const int UsageError = 2;

    /// <summary>The exit code of a configuration the service or a command cannot run with.</summary>
    public const int ConfigurationError = 1;

    private static readonly string[] HelpOptions = ["--help", "-h"];

    /// <summary>
    /// True when this program is the process, false when a host embeds it (WebApplicationFactory in
    /// the tests): an embedding host gets a configuration failure as an exception, for it to handle,
    /// instead of a line on the console and an exit code nobody reads.
    /// </summary>
    public static bool OwnsProcess { get; } = Assembly.GetEntryAssembly() == typeof(CommandLine).Assembly;

    /// <summary>
    /// Answers what needs no configuration: help, and a first argument that is neither a command nor
    /// an option. Returns the exit code when the process should end here, null to go on.
    /// </summary>
    public static int? Preempt(string[] args)
    {
        if (args.Length == 0)
        {
            return null;
        }

        var first = args[0];
        if (first == Help || HelpOptions.Contains(first))
        {
            var topic = first == Help && args.Length > 1 ? args[1] : null;
            return topic is null ? Print(Usage.All) : PrintUsageOf(topic);
        }

        if (IsOption(first))
        {
            return args.Any(HelpOptions.Contains) ? Print(Usage.All) : null;
        }

        if (Usage.Of(first) is null)
        {
            return Refuse($"Unknown command '{first}'.");
        }

        return args.Skip(1).Any(HelpOptions.Contains) ? PrintUsageOf(first) : null;
    }

    /// <summary>
    /// Runs the command, or for the server checks its settings and prepares the database and returns
    /// null so that Program goes on to serve.
    /// </summary>
    public static async Task<int?> RunAsync(WebApplication app, string[] args)
    {
        var command = args.Length > 0 && !IsOption(args[0]) ? args[0] : Serve;
        try
        {
            return command switch
            {
                IssueToken => await IssueTokenCommand.RunAsync(app, args),
                Migrate => await MigrateAsync(app),
                ResetDemo => await ResetDemoCommand.RunAsync(app),
                _ => await PrepareToServeAsync(app),
            };
        }
        catch (Exception exception) when (OwnsProcess && StartupFailure.Describe(exception, app.Configuration) is { } line)
        {
            await Console.Error.WriteLineAsync(line);
            return ConfigurationError;
        }
    }

    /// <summary>
    /// Arguments such as <c>--urls</c>, <c>--environment</c> and <c>--Section:Key value</c> belong to
    /// the host, and so do <c>Section:Key=value</c> and <c>/Key value</c>, which ASP.NET Core's
    /// command-line configuration also reads.
    /// </summary>
    private static bool IsOption(string argument) =>
        argument.StartsWith('-') || argument.StartsWith('/') || argument.Contains('=', StringComparison.Ordinal);

    /// <summary>
    /// Checks every setting the server validates at start and that the database opens, before the
    /// host starts: a failure the host met while starting would be logged with its stack trace.
    /// </summary>
    private static async Task<int?> PrepareToServeAsync(WebApplication app)
    {
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        await DatabaseTarget.OpenAsync(app.Services, app.Lifetime.ApplicationStopping);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PrepareForStartAsync(app.Lifetime.ApplicationStopping);
        return null;
    }

    private static async Task<int?> MigrateAsync(WebApplication app)
    {
        await DatabaseTarget.OpenAsync(app.Services, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        await Console.Out.WriteLineAsync($"Migrations applied to {DatabaseTarget.Describe(app.Configuration)}.");
        return 0;
    }

    private static int PrintUsageOf(string command)
    {
        var usage = Usage.Of(command);
        return usage is null ? Refuse($"Unknown command '{command}'.") : Print(usage);
    }

    private static int Print(string usage)
    {
        Console.Out.WriteLine(usage);
        return 0;
    }

    /// <summary>One line saying what is wrong, then the commands, on standard error.</summary>
    private static int Refuse(string error)
    {
        Console.Error.WriteLine(error);
        Console.Error.WriteLine();
        Console.Error.WriteLine(Usage.Short);
        return UsageError;
    }
}
