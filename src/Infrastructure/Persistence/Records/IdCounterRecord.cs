namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of id_counters: SQLite's stand-in for a SQL Server sequence.</summary>
public sealed class IdCounterRecord
{
    public string Name { get; set; } = string.Empty;

    public long NextValue { get; set; }
}
