using System.Globalization;

namespace Medarbejdergrundlag.Content.Courses;

/// <summary>
/// A course date's sessions: one from start to end, or, for a date of several days, one a day, each
/// from the start's time of day to the end's, in Copenhagen wall-clock time (so 09.00 stays 09.00
/// across a change to summer time).
/// </summary>
public static class CourseSessions
{
    /// <summary>At most this many days in one date.</summary>
    public const int MaxDays = 31;

    public static IReadOnlyList<(DateTime StartsAt, DateTime EndsAt)> Of(DateTime startsAt, DateTime endsAt, IReadOnlyList<DateOnly> days)
    {
        if (days.Count < 2)
        {
            return [(startsAt, endsAt)];
        }

        var from = startsAt.ToCopenhagen().TimeOfDay;
        var to = endsAt.ToCopenhagen().TimeOfDay;
        return [.. days.Select(day => (Utc(day, from), Utc(day, to)))];
    }

    /// <summary>The day's wall-clock time in UTC; the validator has refused times a DST change skips or repeats.</summary>
    private static DateTime Utc(DateOnly day, TimeSpan time)
    {
        var local = day.ToDateTime(TimeOnly.MinValue) + time;
        return CopenhagenTime.ToUtc(local).Utc ?? TimeZoneInfo.ConvertTimeToUtc(local.AddHours(1), PortalCulture.Copenhagen);
    }

    public static string FormatStored(IReadOnlyList<DateOnly> days) =>
        string.Join(',', days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public static IReadOnlyList<DateOnly> ParseStored(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))];

    /// <summary>As an editor types them: "24-03-2027, 25-03-2027".</summary>
    public static string FormatTyped(IReadOnlyList<DateOnly> days) =>
        string.Join(", ", days.Select(d => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)));

    private static readonly string[] TypedFormats = ["dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>Days typed in a cell or a field, separated by commas, semicolons, spaces or lines.</summary>
    public static (IReadOnlyList<DateOnly>? Days, string? Error) ParseTyped(string? text)
    {
        var parts = (text ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var days = new List<DateOnly>();
        foreach (var part in parts)
        {
            if (!DateOnly.TryParseExact(part, TypedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return (null, $"»{part}« er ikke en dato. Skriv kursusdagene som 24-03-2027, 25-03-2027.");
            }

            days.Add(day);
        }

        return (days, null);
    }
}
