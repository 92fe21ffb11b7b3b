using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.Cli;

/// <summary>The configured database: how to name it in a message without its password, and whether it opens.</summary>
internal static class DatabaseTarget
{
    public const string ProviderKey = $"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}";
    public const string ConnectionStringKey = $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}";

    /// <summary>E.g. "the SQLite database /srv/orders.db" or "the SQL Server database 'Orders' on 'db01'"; never the password.</summary>
    public static string Describe(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? string.Empty;
        try
        {
            return ProviderOf(configuration) == DatabaseProvider.SqlServer
                ? DescribeSqlServer(new SqlConnectionStringBuilder(connectionString))
                : $"the SQLite database {Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource)}";
        }
        catch (ArgumentException)
        {
            return $"the database of {ConnectionStringKey}";
        }
    }

    /// <summary>
    /// Opens and closes one connection on the ADO.NET connection itself: a failure then reaches the
    /// caller as it is, without EF Core logging it with its stack trace first.
    /// </summary>
    public static async Task OpenAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<OrderPlatformDbContext>().Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await connection.CloseAsync();
    }

    public static DatabaseProvider ProviderOf(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration[ProviderKey], ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite;

    private static string DescribeSqlServer(SqlConnectionStringBuilder connection) =>
        $"the SQL Server database '{connection.InitialCatalog}' on '{connection.DataSource}'";
}
