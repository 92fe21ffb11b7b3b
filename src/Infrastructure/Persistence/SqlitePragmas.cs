using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// Sets the per-connection SQLite settings on every open: synchronous=FULL so an acknowledged
/// order survives power loss in WAL mode, a busy timeout so concurrent writers wait instead of
/// failing, and foreign keys on. WAL itself is persistent and set once by the initializer.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
