namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// Tests that read the service's log run here: after the parallel classes, one at a time, each on a
/// host of its own. Each host logs through its own Serilog logger (RequestLogHostTests), but the
/// console those loggers also write to is process-wide, and ConsoleCapture swaps it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LogReading
{
    public const string Name = "Tests that read the log, one at a time";
}
