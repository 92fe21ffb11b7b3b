using SQLitePCL;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// Process-wide settings of the SQLite library, which it accepts only before its first connection opens
/// (later calls are refused and change nothing, as for a second host in the same process).
/// </summary>
internal static class SqliteLibrary
{
    /// <summary>
    /// No memory statistics: with them on, every allocation SQLite makes takes one process-wide lock, and
    /// the read requests' threads queued on it. Nothing here reads those statistics.
    /// </summary>
    public static void Configure()
    {
        Batteries_V2.Init();
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
