using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Content.Notifications;

/// <summary>
/// A material change, whoever publishes it (an editor, a schedule, the import, an approval), adds one
/// outbox row per configured channel in the publish's own transaction: a rolled-back publish sends
/// nothing, a committed one is never forgotten. After the commit it wakes this instance's dispatcher.
/// </summary>
public sealed class NotificationHook(IOptionsMonitor<NotificationOptions> options, NotificationSignal signal, TimeProvider clock) : IPublishedHook
{
    public async ValueTask PublishingAsync(PublishRequest request, ContentDbContext db, CancellationToken cancellationToken = default)
    {
        var channels = Channels(options.CurrentValue);
        if (!request.Material || channels.Count == 0)
        {
            return;
        }

        var english = request.Item.PublishedEnglishRevisionId is { } englishId
            ? await db.Revisions.AsNoTracking().Where(r => r.Id == englishId).Select(r => new { r.Title, r.ChangeNote }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var channel in channels)
        {
            db.NotificationOutbox.Add(new NotificationOutboxEntry
            {
                Channel = channel,
                ContentItemId = request.Item.Id,
                RevisionNumber = request.Revision.Number,
                Title = request.Revision.Title,
                ChangeNote = request.Revision.ChangeNote,
                EnglishTitle = english?.Title,
                EnglishChangeNote = english?.ChangeNote,
                PublishedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    public Task PublishedAsync(PublishedEvent published, CancellationToken cancellationToken = default)
    {
        if (published.Material)
        {
            signal.Wake();
        }

        return Task.CompletedTask;
    }

    private static List<NotificationChannel> Channels(NotificationOptions options)
    {
        var channels = new List<NotificationChannel>(2);
        if (options.Email.IsConfigured)
        {
            channels.Add(NotificationChannel.Email);
        }

        if (options.Webhook.IsConfigured)
        {
            channels.Add(NotificationChannel.Webhook);
        }

        return channels;
    }
}

/// <summary>Wakes this instance's <see cref="NotificationWorker"/> when a publish has just queued something.</summary>
public sealed class NotificationSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake-pending: one wake is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
