namespace Medarbejdergrundlag.Content.Model;

/// <summary>Whether a date can still be booked. Stored as text.</summary>
public enum CourseDateStatus
{
    Open,
    Full,
    Cancelled,
}

/// <summary>
/// One date (hold) of a course. Unlike the course's text this is operational data that changes
/// often (seats taken, a cancellation), so it is not revisioned: each change is written in place,
/// with the old and the new values in an <see cref="AuditEntry"/>, and takes effect at once.
/// Nothing is deleted: a date entered by mistake is marked removed and can be brought back.
/// </summary>
public class CourseDate
{
    public int Id { get; set; }

    public int ContentItemId { get; set; }

    public ContentItem? ContentItem { get; set; }

    /// <summary>UTC. Shown in Europe/Copenhagen time.</summary>
    public DateTime StartsAt { get; set; }

    /// <summary>UTC, after <see cref="StartsAt"/>.</summary>
    public DateTime EndsAt { get; set; }

    /// <summary>
    /// A date of several days: the days (Copenhagen dates, first to last) it is held on, each from
    /// <see cref="StartsAt"/>'s time of day to <see cref="EndsAt"/>'s. Empty for a date of one day,
    /// or for one continuous span (an overnight course, and every date made before this field).
    /// <see cref="Courses.CourseSessions"/> turns it into sessions.
    /// </summary>
    public IReadOnlyList<DateOnly> Days { get; set; } = [];

    public string Location { get; set; } = "";

    /// <summary>Seats in all; null when the course does not count seats.</summary>
    public int? Capacity { get; set; }

    public int? SeatsTaken { get; set; }

    public CourseDateStatus Status { get; set; }

    public bool IsRemoved { get; set; }

    /// <summary>Optimistic concurrency token, bumped by every write; also the iCalendar SEQUENCE.</summary>
    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    /// <summary>Full when marked so, or when every counted seat is taken.</summary>
    public bool IsFull => Status == CourseDateStatus.Full || (Capacity is { } c && SeatsTaken is { } t && t >= c);
}
