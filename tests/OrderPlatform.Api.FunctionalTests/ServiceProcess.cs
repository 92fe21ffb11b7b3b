using System.Diagnostics;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// The built service run as its own process, <c>dotnet OrderPlatform.Api.dll ARGS</c>, from this test's
/// output folder (the dll and its appsettings are copied there with the project reference). The
/// environment is cleared of every setting the machine may carry, and the database is a file in a
/// temp folder, so only what a test passes counts. A run that has not ended by itself within the
/// patience given is killed.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private static readonly string Folder = AppContext.BaseDirectory;

    private readonly string _temp = Path.Combine(Path.GetTempPath(), "orderplatform-cli-tests", Guid.NewGuid().ToString("N"));

    public ServiceProcess() => Directory.CreateDirectory(_temp);

    /// <summary>A folder of this run's own, deleted afterwards.</summary>
    public string TempFolder => _temp;

    /// <summary>Where the database is unless a test sets ConnectionStrings__OrderPlatform itself.</summary>
    public string DefaultDatabasePath => Path.Combine(_temp, "default.db");

    public async Task<Outcome> RunAsync(string[] args, Dictionary<string, string>? environment = null, int patienceSeconds = 30)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Folder, "OrderPlatform.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(IsSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["ConnectionStrings__OrderPlatform"] = $"Data Source={DefaultDatabasePath}";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(patienceSeconds));
        var endedByItself = true;
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            endedByItself = false;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return new Outcome(process.ExitCode, await output, await error, endedByItself);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    /// <summary>Settings the machine or CI may carry: the environment name and any Section__Key variable.</summary>
    private static bool IsSetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
        || name == "DOTNET_ENVIRONMENT"
        || name.Contains("__", StringComparison.Ordinal);

    /// <summary>What a run printed and how it ended.</summary>
    public sealed record Outcome(int ExitCode, string Output, string Error, bool EndedByItself)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        /// <summary>A .NET stack trace's frames start like this.</summary>
        public bool HasStackTrace => Output.Contains("   at ", StringComparison.Ordinal) || Error.Contains("   at ", StringComparison.Ordinal);
    }
}
