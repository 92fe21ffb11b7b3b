using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Application.Common.Scheduling;

namespace OrderPlatform.Infrastructure.Scheduling;

/// <summary>
/// The service's one scheduler (R64): at start and then every Orders:CloseSweepSeconds it runs
/// each <see cref="IScheduledSweep"/> in a fresh scope, and logs what each did and how long it
/// took. A sweep that faults is logged and tried again at the next tick; it never stops the others
/// or the service.
/// </summary>
internal sealed partial class SweepScheduler(
    IServiceScopeFactory scopes,
    IOptions<OrderOptions> options,
    TimeProvider clock,
    ILogger<SweepScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CloseSweepSeconds), clock);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; an order half-way through its close rolled back and will be closed by the next run.
        }
    }

    /// <summary>One tick: every sweep, each in its own scope.</summary>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var sweep in scope.ServiceProvider.GetServices<IScheduledSweep>())
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var report = await sweep.RunAsync(cancellationToken);
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (report.Done + report.Skipped > 0)
                {
                    LogSwept(report.Sweep, report.Done, report.Skipped, elapsedMs);
                }
                else
                {
                    LogNothingDue(report.Sweep, elapsedMs);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogFaulted(exception, sweep.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Sweep} did {Done} and skipped {Skipped} in {ElapsedMs:0.0} ms")]
    private partial void LogSwept(string sweep, int done, int skipped, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Sweep} found nothing due in {ElapsedMs:0.0} ms")]
    private partial void LogNothingDue(string sweep, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sweep} faulted after {ElapsedMs:0.0} ms; it runs again at the next tick")]
    private partial void LogFaulted(Exception exception, string sweep, double elapsedMs);
}
