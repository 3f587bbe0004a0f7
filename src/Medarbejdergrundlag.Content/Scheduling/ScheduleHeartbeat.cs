namespace Medarbejdergrundlag.Content.Scheduling;

/// <summary>
/// When this instance's <see cref="ScheduleWorker"/> last asked the database what is due. Readiness
/// fails when it has not for twice its interval (a stopped or stuck worker would leave scheduled
/// publishes waiting unseen).
/// </summary>
public sealed class ScheduleHeartbeat(TimeProvider clock)
{
    private long _lastPoll = clock.GetTimestamp();

    /// <summary>The longest a healthy worker goes between polls, and then some.</summary>
    public static TimeSpan Allowed => ScheduleWorker.PollInterval * 2;

    public void Polled() => Interlocked.Exchange(ref _lastPoll, clock.GetTimestamp());

    /// <summary>How long since the last poll (since start-up before the first).</summary>
    public TimeSpan SinceLastPoll => clock.GetElapsedTime(Interlocked.Read(ref _lastPoll));
}
