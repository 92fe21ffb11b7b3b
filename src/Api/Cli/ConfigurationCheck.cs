using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using OrderPlatform.Api.OpenApi;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.Cli;

/// <summary>
/// The settings that registering the services already depends on: the database provider and the
/// connection string. They are checked before registration, which would otherwise fail on them with
/// an exception and a stack trace.
/// </summary>
internal static class ConfigurationCheck
{
    private const string ConnectionStringHint =
        $"Set {DatabaseTarget.ConnectionStringKey} (environment variable ConnectionStrings__{DatabaseOptions.ConnectionStringName})";

    /// <summary>
    /// Prints the first problem on standard error and returns the exit code, or returns null when there
    /// is none. A host that embeds the program gets the problem as an exception instead.
    /// </summary>
    public static int? Report(IConfiguration configuration)
    {
        // The build-time document generator brings its own placeholder settings (ApiDocument); they are added after this check.
        if (ApiDocument.IsBuildTimeGeneration || FirstProblem(configuration) is not { } problem)
        {
            return null;
        }

        if (!CommandLine.OwnsProcess)
        {
            throw new InvalidOperationException(problem);
        }

        Console.Error.WriteLine(problem);
        return CommandLine.ConfigurationError;
    }

    private static string? FirstProblem(IConfiguration configuration)
    {
        var provider = configuration[DatabaseTarget.ProviderKey];
        if (provider is not null && !(Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)))
        {
            return $"{DatabaseTarget.ProviderKey} is '{provider}', which this service does not support: "
                + $"set it to {DatabaseProvider.Sqlite} or {DatabaseProvider.SqlServer} (environment variable Database__Provider).";
        }

        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"{DatabaseTarget.ConnectionStringKey} is not set. {ConnectionStringHint}, e.g. \"Data Source=orderplatform.db\".";
        }

        return DatabaseTarget.ProviderOf(configuration) == DatabaseProvider.SqlServer
            ? SqlServerProblem(connectionString)
            : SqliteProblem(connectionString);
    }

    private static string? SqlServerProblem(string connectionString)
    {
        try
        {
            _ = new SqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException exception)
        {
            return $"{DatabaseTarget.ConnectionStringKey} is not a SQL Server connection string ({exception.Message}). {ConnectionStringHint}, "
                + "e.g. \"Server=db01;Database=OrderPlatform;User Id=...;Password=...;TrustServerCertificate=True\".";
        }
    }

    /// <summary>
    /// The service creates the SQLite file's folder when it is missing; creating it here turns a
    /// folder that cannot exist (under a file, or without permission) into one line.
    /// </summary>
    private static string? SqliteProblem(string connectionString)
    {
        string file;
        try
        {
            file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        }
        catch (ArgumentException exception)
        {
            return $"{DatabaseTarget.ConnectionStringKey} is not a SQLite connection string ({exception.Message}). {ConnectionStringHint}, "
                + "e.g. \"Data Source=orderplatform.db\", or set Database:Provider to SqlServer.";
        }

        if (file is "" or ":memory:")
        {
            return null;
        }

        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"The SQLite database {file} cannot be created: its folder cannot be made ({exception.Message}). "
                + $"{ConnectionStringHint} to a file in a folder this process may write to.";
        }
    }
}
