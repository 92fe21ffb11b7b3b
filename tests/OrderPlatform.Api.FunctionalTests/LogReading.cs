namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// Tests that read the service's log run here: after the parallel classes, one at a time, each on a
/// host of its own. Serilog's process-wide logger, through which the service logs, belongs to the
/// test host started last, so a log read while other hosts start could be another host's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LogReading
{
    public const string Name = "Tests that read the log, one at a time";
}
