using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>A Serilog sink the service picks up from DI (ReadFrom.Services): every event, rendered with its properties, as an operator would read it.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var properties = string.Join(' ', logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _lines.Enqueue($"{logEvent.RenderMessage(CultureInfo.InvariantCulture)} {properties} {logEvent.Exception}");
    }
}
