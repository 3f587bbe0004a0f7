using Medarbejdergrundlag.Content.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Content.Scheduling;

/// <summary>
/// Every instance runs one: it asks the database what is due about once a second (sooner when
/// the next schedule is due within the second) and lets <see cref="ScheduleRunner"/> claim and run
/// it. The first poll comes at start-up, so a schedule that fell due while every instance was down
/// runs then.
/// </summary>
public sealed class ScheduleWorker(ScheduleRunner runner, ScheduleHeartbeat heartbeat, TimeProvider clock, ContentStoreOptions options, ILogger<ScheduleWorker> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.WarmUpOnStart)
        {
            heartbeat.Polled();
            await runner.WarmUpAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = PollInterval;
            heartbeat.Polled();
            try
            {
                await runner.RunDueAsync(stoppingToken);
                if (await runner.NextDueAsync(stoppingToken) is { } next)
                {
                    var untilNext = next - clock.GetUtcNow().UtcDateTime;
                    wait = untilNext < Shortest ? Shortest : untilNext < PollInterval ? untilNext : PollInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A database outage: the schedules wait in the database and run when it is back.
                logger.LogWarning(ex, "Running due schedules failed; trying again in {Seconds} s", PollInterval.TotalSeconds);
            }

            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
