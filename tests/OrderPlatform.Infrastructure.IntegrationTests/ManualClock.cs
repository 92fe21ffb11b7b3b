namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// A clock the test moves by hand, so that "past the payment deadline" (R53, R64) is reached without
/// waiting. It starts on a whole second because times are stored in unix seconds: a sub-second part
/// would make the clock and the stored deadlines disagree by a fraction.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private long _utcTicks;

    public ManualClock()
        : this(DateTimeOffset.FromUnixTimeSeconds(System.GetUtcNow().ToUnixTimeSeconds()))
    {
    }

    public ManualClock(DateTimeOffset start) => _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock forward; every service sharing it sees the new time at once.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
