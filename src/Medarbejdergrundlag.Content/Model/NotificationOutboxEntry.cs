namespace Medarbejdergrundlag.Content.Model;

/// <summary>Where a notification goes: the distribution list by e-mail, or the webhook.</summary>
public enum NotificationChannel
{
    Email,
    Webhook,
}

/// <summary>
/// One notification of a material change, waiting to go out on one channel. Written in the publish's
/// own transaction (<see cref="Notifications.NotificationHook"/>), so it exists exactly when the publish
/// does; sent by <see cref="Notifications.NotificationDispatcher"/>, which claims it by moving
/// <see cref="NextAttemptAt"/> so that only one instance sends it. It holds what the message says,
/// as it was at the publish: no reader, no address but the configured ones.
/// </summary>
public class NotificationOutboxEntry
{
    public long Id { get; set; }

    public NotificationChannel Channel { get; set; }

    public int ContentItemId { get; set; }

    public int RevisionNumber { get; set; }

    public required string Title { get; set; }

    public string? ChangeNote { get; set; }

    /// <summary>The published English translation's title, when the item has one.</summary>
    public string? EnglishTitle { get; set; }

    public string? EnglishChangeNote { get; set; }

    public DateTime PublishedAt { get; set; }

    /// <summary>When it may be tried next: due while in the past; a claim moves it a lease ahead, a failure a back-off ahead.</summary>
    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>When it went out; null while it waits.</summary>
    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }
}
