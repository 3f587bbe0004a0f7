using System.Diagnostics;

namespace Medarbejdergrundlag.Tests.Shared;

/// <summary>
/// A wall clock a test can set and move: frozen (moves only when told), or running from a chosen
/// moment in real time. Timers and timestamps stay real, so polling loops and "once a second"
/// checks keep working while the date jumps.
/// </summary>
public sealed class TestClock(DateTimeOffset start, bool running = false) : TimeProvider
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private DateTimeOffset _base = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return running ? _base + Stopwatch.GetElapsedTime(_started) : _base;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _base += by;
        }
    }

    /// <summary>Makes it <paramref name="now"/> now (and running on from there, if running).</summary>
    public void Set(DateTimeOffset now) => Advance(now - GetUtcNow());
}
