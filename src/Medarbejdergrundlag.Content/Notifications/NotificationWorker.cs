using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Content.Notifications;

/// <summary>
/// Every instance runs one: it asks the outbox for due notifications every
/// <see cref="NotificationOptions.PollInterval"/>, and at once when a publish here has queued one. The first
/// round comes at start-up, so what was waiting when every instance stopped goes out then.
/// </summary>
public sealed class NotificationWorker(
    NotificationDispatcher dispatcher, NotificationSignal signal, IOptionsMonitor<NotificationOptions> options, ILogger<NotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch may mean more is waiting: go round again at once.
                while (await dispatcher.DeliverDueAsync(stoppingToken) > 0 && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A database outage: the notifications wait in the outbox and go when it is back.
                logger.LogWarning(ex, "Sending queued notifications failed; trying again at the next poll");
            }

            try
            {
                await signal.WaitAsync(options.CurrentValue.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
