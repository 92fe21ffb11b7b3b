using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// Whether a write failed because a row's primary or unique key was already taken, on either provider:
/// from EF Core's save, or from a statement run directly on the SQLite writer's connection.
/// </summary>
internal static class UniqueKeyViolation
{
    private const int SqliteConstraint = 19;
    private const int SqlitePrimaryKey = 1555;
    private const int SqliteUnique = 2067;
    private const int SqlServerUniqueConstraint = 2627;
    private const int SqlServerUniqueIndex = 2601;

    public static bool Caused(Exception exception) => ((exception as DbUpdateException)?.InnerException ?? exception) switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqlitePrimaryKey or SqliteUnique,
        SqlException sqlServer => sqlServer.Number is SqlServerUniqueConstraint or SqlServerUniqueIndex,
        _ => false,
    };
}
