namespace OrderPlatform.Application.Common.Scheduling;

/// <summary>
/// Housekeeping the service's one scheduler runs every Orders:CloseSweepSeconds (R64): closing
/// overdue orders, and purging idempotency keys past their retention (R55).
/// </summary>
public interface IScheduledSweep
{
    /// <summary>Runs once, to the end of what is due now.</summary>
    Task<SweepReport> RunAsync(CancellationToken cancellationToken);
}

/// <summary>What one run of a sweep did: rows it handled, and rows it found already handled by someone else.</summary>
public sealed record SweepReport(string Sweep, int Done, int Skipped);
