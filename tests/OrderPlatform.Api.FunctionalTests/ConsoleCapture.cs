using System.Globalization;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// Everything written to standard output and standard error while it is alive. The service also logs
/// to the console (Program.cs: WriteTo.Console), and that sink looks the console writer up for each
/// event, so swapping it here sees what an operator's terminal or container log would. The console is
/// process-wide: only tests in the <see cref="LogReading"/> collection, which run alone, may use this.
/// </summary>
public sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _originalOut = Console.Out;
    private readonly TextWriter _originalError = Console.Error;
    private readonly StringWriter _buffer = new(CultureInfo.InvariantCulture);
    private readonly TextWriter _writer;

    public ConsoleCapture()
    {
        _writer = TextWriter.Synchronized(_buffer);
        Console.SetOut(_writer);
        Console.SetError(_writer);
    }

    public string Text
    {
        get
        {
            // The synchronized writer locks on itself; reading under the same lock never sees half a write.
            lock (_writer)
            {
                return _buffer.ToString();
            }
        }
    }

    /// <summary>Waits (10 s at most) for the text to be written: the console sink may still be writing the event another sink already has.</summary>
    public async Task<bool> WaitForAsync(string text)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!Text.Contains(text, StringComparison.Ordinal))
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

    public void Dispose()
    {
        Console.SetOut(_originalOut);
        Console.SetError(_originalError);
        _writer.Dispose();
        _buffer.Dispose();
    }
}
