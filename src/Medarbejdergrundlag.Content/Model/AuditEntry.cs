namespace Medarbejdergrundlag.Content.Model;

/// <summary>What an editor did. Stored as text so the log stays readable in the database.</summary>
public enum AuditAction
{
    Created,
    Saved,
    Published,
    Restored,
    Archived,
    Unarchived,
    Reordered,

    /// <summary>A course date (hold) was added.</summary>
    DateAdded,

    /// <summary>A course date's time, place, seats or status changed; the details hold old and new values.</summary>
    DateChanged,

    /// <summary>A course date was taken off the public site (kept in the database).</summary>
    DateRemoved,

    /// <summary>A removed course date was brought back.</summary>
    DateRestored,

    /// <summary>Courses and dates came in from a spreadsheet.</summary>
    Imported,

    /// <summary>An English translation was saved as a draft.</summary>
    TranslationSaved,

    /// <summary>An English translation became the one the English pages show.</summary>
    TranslationPublished,

    /// <summary>A publish or an archive was scheduled, or its time changed.</summary>
    Scheduled,

    /// <summary>A schedule was cancelled before it ran.</summary>
    ScheduleCancelled,

    /// <summary>A scheduled publish or archive could not run; the details say why.</summary>
    ScheduleFailed,

    /// <summary>An editor marked the item as reviewed without changing it.</summary>
    Reviewed,

    /// <summary>The item's owner or review date changed.</summary>
    ReviewChanged,

    /// <summary>An old English revision's text became a new English draft.</summary>
    TranslationRestored,

    /// <summary>The English translation was taken off the English pages (they show the Danish text); the Danish stays published.</summary>
    TranslationUnpublished,

    /// <summary>A revision was sent to approval ("Send til godkendelse"); the details hold its number and the note.</summary>
    ApprovalRequested,

    /// <summary>An approver approved a revision.</summary>
    Approved,

    /// <summary>An approver sent a revision back to its author with a comment.</summary>
    ApprovalReturned,

    /// <summary>A consultation link (høringslink) was made for a revision.</summary>
    ConsultationLinkCreated,

    /// <summary>A consultation link was revoked.</summary>
    ConsultationLinkRevoked,

    /// <summary>A reader of a consultation link commented; the details hold the comment.</summary>
    ConsultationCommented,

    /// <summary>A notification of a material change went out (by e-mail to the distribution list, or to the webhook).</summary>
    NotificationSent,

    /// <summary>An attempt to send a notification failed; the details say why and when it is tried again.</summary>
    NotificationFailed,
}

/// <summary>
/// One line of the append-only audit log: who did what to which item, and when. Entries are only
/// ever added; <see cref="Data.ContentDbContext"/> refuses to update or delete them.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The display name at the time, as the log shows it.</summary>
    public required string User { get; set; }

    /// <summary>The stable subject id (the provider's sub, or persona:…); tells apart two people with one name.</summary>
    public string UserId { get; set; } = "";

    public AuditAction Action { get; set; }

    public int? ContentItemId { get; set; }

    /// <summary>The item's title when the action happened, so the log reads well after renames.</summary>
    public string ItemTitle { get; set; } = "";

    /// <summary>Revision number, old and new slug, change note and the like.</summary>
    public string Details { get; set; } = "";
}
