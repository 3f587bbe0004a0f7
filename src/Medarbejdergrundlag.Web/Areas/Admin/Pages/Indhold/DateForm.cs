using System.Globalization;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;

/// <summary>A course date's form: times typed as Copenhagen wall-clock time.</summary>
public sealed class DateForm
{
    public string? Start { get; set; }

    public string? End { get; set; }

    public string? Days { get; set; }

    public string? Location { get; set; }

    public string? Capacity { get; set; }

    public string? SeatsTaken { get; set; }

    public string? Status { get; set; }

    public int Version { get; set; }

    public static DateForm From(CourseDate date) => new()
    {
        Start = CopenhagenTime.Format(date.StartsAt),
        End = CopenhagenTime.Format(date.EndsAt),
        Days = date.Days.Count > 0 ? CourseSessions.FormatTyped(date.Days) : null,
        Location = date.Location,
        Capacity = date.Capacity?.ToString(CultureInfo.InvariantCulture),
        SeatsTaken = date.SeatsTaken?.ToString(CultureInfo.InvariantCulture),
        Status = date.Status.ToString(),
        Version = date.Version,
    };

    public CourseDateInput ToInput() => new(Start, End, Location, Capacity, SeatsTaken, Status, Days);
}
