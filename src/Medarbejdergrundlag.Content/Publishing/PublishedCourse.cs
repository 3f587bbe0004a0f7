using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Publishing;

/// <summary>One date of a published course. Times in UTC.</summary>
public sealed record PublishedCourseDate(
    int Id,
    DateTime StartsAt,
    DateTime EndsAt,
    string Location,
    int? Capacity,
    int? SeatsTaken,
    CourseDateStatus Status,
    int Version,
    DateTime UpdatedAt)
{
    /// <summary>A date of several days: its days (<see cref="CourseDate.Days"/>); empty otherwise.</summary>
    public IReadOnlyList<DateOnly> Days { get; init; } = [];

    /// <summary>One session, or one a day for a date of several days: what a calendar shows.</summary>
    public IReadOnlyList<(DateTime StartsAt, DateTime EndsAt)> Sessions => CourseSessions.Of(StartsAt, EndsAt, Days);

    public bool IsCancelled => Status == CourseDateStatus.Cancelled;

    public bool IsFull => !IsCancelled && (Status == CourseDateStatus.Full || (Capacity is { } c && SeatsTaken is { } t && t >= c));

    public int? FreeSeats => Capacity is { } c ? Math.Max(0, c - (SeatsTaken ?? 0)) : null;

    /// <summary>Not begun yet. A date that has begun is no longer offered.</summary>
    public bool IsUpcoming(DateTime nowUtc) => StartsAt > nowUtc;

    /// <summary>Upcoming, not cancelled and not full: one can still sign up.</summary>
    public bool IsBookable(DateTime nowUtc) => IsUpcoming(nowUtc) && !IsCancelled && !IsFull;

    public static PublishedCourseDate From(CourseDate d) =>
        new(d.Id, d.StartsAt, d.EndsAt, d.Location, d.Capacity, d.SeatsTaken, d.Status, d.Version, d.UpdatedAt) { Days = d.Days };
}

/// <summary>A published course's own fields and its dates, sorted by start.</summary>
public sealed record PublishedCourse(
    CourseDetails Details,
    IReadOnlyList<PublishedCourseDate> Dates,
    string SearchText)
{

    /// <summary>The first date not yet begun and not cancelled.</summary>
    public PublishedCourseDate? NextDate(DateTime nowUtc) => Dates.FirstOrDefault(d => d.IsUpcoming(nowUtc) && !d.IsCancelled);

    public IEnumerable<PublishedCourseDate> UpcomingDates(DateTime nowUtc) => Dates.Where(d => d.IsUpcoming(nowUtc));

    public static PublishedCourse From(string title, string plainText, CourseDetails details, IEnumerable<CourseDate> dates) =>
        new(
            details,
            dates.Where(d => !d.IsRemoved).OrderBy(d => d.StartsAt).ThenBy(d => d.Id).Select(PublishedCourseDate.From).ToList(),
            Fold(title + " " + plainText + " " + CourseTerms.Name(details.Forvaltning) + " " + string.Join(' ', dates.Select(d => d.Location))));

    /// <summary>Lower case with æ, ø and å spelled out, so "Faellesskab" finds "Fællesskab".</summary>
    public static string Fold(string text) =>
        text.ToLowerInvariant()
            .Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ø", "oe", StringComparison.Ordinal)
            .Replace("å", "aa", StringComparison.Ordinal);
}
