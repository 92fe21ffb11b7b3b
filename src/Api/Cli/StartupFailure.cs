using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using OrderPlatform.Infrastructure.Auth;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.Cli;

/// <summary>
/// Turns the failures a bad configuration causes (invalid settings, a database that does not open)
/// into one line saying what is wrong and which setting fixes it. Anything else is a bug and keeps
/// its stack trace. No line carries a secret: settings are named, never quoted.
/// </summary>
internal static class StartupFailure
{
    private static readonly string AuthSecretKey = $"{AuthOptions.SectionName}:{nameof(AuthOptions.TokenSecret)}";

    /// <summary>The line to print, or null when the exception is not a configuration problem.</summary>
    public static string? Describe(Exception exception, IConfiguration configuration) => exception switch
    {
        OptionsValidationException invalid => Settings(invalid, configuration),
        AggregateException { InnerExceptions: var all } when all.All(inner => inner is OptionsValidationException) =>
            string.Join(' ', all.Cast<OptionsValidationException>().Select(invalid => Settings(invalid, configuration))),
        DbException database => Database(database, configuration),
        RetryLimitExceededException { InnerException: DbException database } => Database(database, configuration),
        _ => null,
    };

    private static string Settings(OptionsValidationException invalid, IConfiguration configuration)
    {
        if (invalid.OptionsType == typeof(AuthOptions))
        {
            var problem = string.IsNullOrEmpty(configuration[AuthSecretKey]) ? "is not set" : $"is shorter than {AuthOptions.MinimumSecretBytes} bytes";
            return $"{AuthSecretKey} {problem} (R13): set the AnQiCMS site secret, at least {AuthOptions.MinimumSecretBytes} bytes, "
                + "in the environment variable Auth__TokenSecret or in appsettings.<environment>.json; "
                + "to try the service, --environment Development uses the documented development secret.";
        }

        var section = invalid.OptionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
            ?? invalid.OptionsType.Name;
        return $"Invalid {section} settings: {OneLine(string.Join(' ', invalid.Failures))} "
            + $"Fix them in appsettings.<environment>.json or with environment variables {section}__<Key>.";
    }

    private static string Database(DbException exception, IConfiguration configuration)
    {
        var server = DatabaseTarget.ProviderOf(configuration) == DatabaseProvider.SqlServer
            ? ", and that the server is running and reachable from here"
            : string.Empty;
        return $"Cannot open {DatabaseTarget.Describe(configuration)}: {OneLine(exception.Message)} "
            + $"Check {DatabaseTarget.ConnectionStringKey} (environment variable ConnectionStrings__{DatabaseOptions.ConnectionStringName}) "
            + $"and {DatabaseTarget.ProviderKey} (Database__Provider){server}.";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
