using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>A Serilog sink the service picks up from DI (ReadFrom.Services): every event, with its level, message, properties and exception, as an operator would read it.</summary>
public sealed class LogCapture : ILogEventSink
{
    // As the console shows it (strings unquoted), then every property and the exception with its stack trace.
    private static readonly MessageTemplateTextFormatter Format = new("[{Level}] {Message:lj} {Properties:j} {Exception}", CultureInfo.InvariantCulture);

    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>
    /// Waits (10 s at most) for a line to be logged. The request log line is written once the response
    /// has gone out, so a client can hold the answer before the line exists.
    /// </summary>
    public async Task<bool> WaitForAsync(Func<string, bool> line)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!_lines.Any(line))
        {
            try
            {
                await Task.Delay(20, patience.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        using var line = new StringWriter(CultureInfo.InvariantCulture);
        Format.Format(logEvent, line);
        _lines.Enqueue(line.ToString());
    }
}
