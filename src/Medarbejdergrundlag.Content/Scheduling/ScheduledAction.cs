using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Scheduling;

/// <summary>What a schedule does when its time comes. Stored as text.</summary>
public enum ScheduledActionKind
{
    /// <summary>Publishes one given revision (not whatever the newest draft is by then).</summary>
    Publish,

    /// <summary>Archives the item: the public site stops showing it.</summary>
    Archive,
}

/// <summary>Where a schedule is in its life. Stored as text.</summary>
public enum ScheduleState
{
    Pending,

    /// <summary>Ran: the publish or archive is written, in the same transaction as this state.</summary>
    Done,

    /// <summary>Could not run (the address was taken by then, say); shown to editors until one dismisses it.</summary>
    Failed,

    Cancelled,

    /// <summary>A failure an editor has seen and dealt with.</summary>
    Dismissed,
}

/// <summary>
/// A publish or an archive at a given time, kept in the database so it survives restarts and
/// runs exactly once however many instances are up: an instance claims it with a conditional
/// update (<c>WHERE State = 'Pending'</c>) in the same transaction as the publish itself
/// (<see cref="ScheduleRunner"/>).
/// </summary>
public class ScheduledAction
{
    public int Id { get; set; }

    public int ContentItemId { get; set; }

    public ContentItem? ContentItem { get; set; }

    public ScheduledActionKind Kind { get; set; }

    /// <summary>Publish only: the revision that was chosen, bound by id, so a newer draft saved later is not published instead.</summary>
    public int? RevisionId { get; set; }

    public ContentRevision? Revision { get; set; }

    /// <summary>UTC. Typed and shown as wall-clock time in Copenhagen.</summary>
    public DateTime DueAt { get; set; }

    public ScheduleState State { get; set; }

    public DateTime ScheduledAt { get; set; }

    /// <summary>Who scheduled it (display name at the time); the audit entry of the run names them too.</summary>
    public string ScheduledBy { get; set; } = "";

    public string ScheduledById { get; set; } = "";

    /// <summary>When an instance ran it (or found it could not).</summary>
    public DateTime? RanAt { get; set; }

    /// <summary>Why it failed, in Danish, for the editors.</summary>
    public string? Failure { get; set; }

    /// <summary>Who cancelled or dismissed it, and when.</summary>
    public string? ClosedBy { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>Optimistic concurrency token: changing, cancelling and running all move it.</summary>
    public int Version { get; set; }
}

/// <summary>An open schedule as the admin overview shows it (<see cref="PublishSchedule.OpenAsync"/>).</summary>
public sealed record OpenSchedule(
    int Id,
    int Version,
    int ContentItemId,
    string ItemTitle,
    ScheduledActionKind Kind,
    ScheduleState State,
    DateTime DueAt,
    int? RevisionNumber,
    string ScheduledBy,
    string? Failure);
