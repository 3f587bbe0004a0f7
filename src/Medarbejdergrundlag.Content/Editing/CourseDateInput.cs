using System.Globalization;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Slugs;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>A course date as typed: wall-clock times in Copenhagen, numbers as text, and for a date of several days, its days (optional).</summary>
public sealed record CourseDateInput(string? Start, string? End, string? Location, string? Capacity, string? SeatsTaken, string? Status, string? Days = null);

/// <summary>A checked course date, times in UTC; <see cref="Days"/> as <see cref="CourseDate.Days"/>.</summary>
public sealed record CleanCourseDate(DateTime StartsAt, DateTime EndsAt, string Location, int? Capacity, int? SeatsTaken, CourseDateStatus Status)
{
    public IReadOnlyList<DateOnly> Days { get; init; } = [];

    public bool SameAs(CourseDate date) =>
        date.StartsAt == StartsAt && date.EndsAt == EndsAt && date.Location == Location &&
        date.Capacity == Capacity && date.SeatsTaken == SeatsTaken && date.Status == Status && date.Days.SequenceEqual(Days);
}

public static class CourseDateFields
{
    public const string Start = nameof(CourseDateInput.Start);
    public const string End = nameof(CourseDateInput.End);
    public const string Location = nameof(CourseDateInput.Location);
    public const string Capacity = nameof(CourseDateInput.Capacity);
    public const string SeatsTaken = nameof(CourseDateInput.SeatsTaken);
    public const string Status = nameof(CourseDateInput.Status);
    public const string Days = nameof(CourseDateInput.Days);
}

/// <summary>Checks a course date and says in Danish what is wrong, field by field.</summary>
public static class CourseDateValidator
{
    public const int LocationMax = 200;
    public const int CapacityMax = 10_000;

    private static CultureInfo Danish => PortalCulture.Danish;

    public static string StatusName(CourseDateStatus status) => status switch
    {
        CourseDateStatus.Full => "Fuldt booket",
        CourseDateStatus.Cancelled => "Aflyst",
        _ => "Åben",
    };

    public static CourseDateStatus? ParseStatus(string? text) => Slugifier.Slugify(text ?? "") switch
    {
        "" or "aaben" or "open" or "ledig" or "ledige-pladser" => CourseDateStatus.Open,
        "fuldt-booket" or "fuld" or "full" or "udsolgt" => CourseDateStatus.Full,
        "aflyst" or "cancelled" or "aflysning" => CourseDateStatus.Cancelled,
        _ => null,
    };

    public static (CleanCourseDate? Clean, Dictionary<string, string> Errors) Validate(CourseDateInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var (start, startError) = CopenhagenTime.ParseLocal(input.Start);
        if (startError is not null)
        {
            errors[CourseDateFields.Start] = "Start: " + startError;
        }

        var (typedDays, daysError) = CourseSessions.ParseTyped(input.Days);
        if (daysError is not null)
        {
            errors[CourseDateFields.Days] = "Kursusdage: " + daysError;
        }

        DateTime? end = null;
        var endText = (input.End ?? "").Trim();
        var endIsTime = TimeOnly.TryParseExact(endText.Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var endTime);
        if (start is null && endIsTime)
        {
            // A time alone is on the start's day: with no valid start there is nothing wrong to say about it.
        }
        else if (start is not null && endIsTime)
        {
            // Only a time: the same day as the start, or the last of the course days.
            var lastDay = typedDays is { Count: > 0 } ? typedDays.Max().ToDateTime(TimeOnly.MinValue) : start.Value.ToCopenhagen().Date;
            var (utc, error) = CopenhagenTime.ToUtc(lastDay + endTime.ToTimeSpan());
            end = utc;
            if (error is not null)
            {
                errors[CourseDateFields.End] = "Slut: " + error;
            }
        }
        else
        {
            var (utc, error) = CopenhagenTime.ParseLocal(endText);
            end = utc;
            if (error is not null)
            {
                errors[CourseDateFields.End] = "Slut: " + error;
            }
        }

        IReadOnlyList<DateOnly> days = [];
        if (start is not null && end is not null && end <= start)
        {
            errors[CourseDateFields.End] = $"Slut ({CopenhagenTime.Format(end.Value)}) skal ligge efter start ({CopenhagenTime.Format(start.Value)}).";
        }
        else if (start is not null && end is not null && typedDays is not null)
        {
            days = Days(start.Value, end.Value, typedDays, errors);
        }

        var location = (input.Location ?? "").Trim();
        if (location.Length == 0)
        {
            errors[CourseDateFields.Location] = "Skriv, hvor holdet foregår.";
        }
        else if (location.Length > LocationMax)
        {
            errors[CourseDateFields.Location] = $"Stedet må højst være {LocationMax} tegn.";
        }

        var capacity = Count(input.Capacity, CourseDateFields.Capacity, "Antal pladser", 1, errors);
        var taken = Count(input.SeatsTaken, CourseDateFields.SeatsTaken, "Antal tilmeldte", 0, errors);
        if (capacity is not null && taken > capacity)
        {
            errors[CourseDateFields.SeatsTaken] = $"Der kan ikke være flere tilmeldte ({taken}) end pladser ({capacity}).";
        }

        var status = ParseStatus(input.Status);
        if (status is null)
        {
            errors[CourseDateFields.Status] = $"Status »{input.Status!.Trim()}« kendes ikke. Brug Åben, Fuldt booket eller Aflyst.";
        }

        return errors.Count > 0 || start is null || end is null || status is null
            ? (null, errors)
            : (new CleanCourseDate(start.Value, end.Value, location, capacity, taken, status.Value) { Days = days }, errors);
    }

    /// <summary>
    /// The days of a date of several days. Typed days must run from the start's day to the end's; with
    /// none typed, an end on a later day at a later time of day means every day in between (a course of
    /// two or three days), and an end at an earlier time of day one continuous span (an overnight course).
    /// </summary>
    private static IReadOnlyList<DateOnly> Days(DateTime startUtc, DateTime endUtc, IReadOnlyList<DateOnly> typed, Dictionary<string, string> errors)
    {
        var (start, end) = (startUtc.ToCopenhagen(), endUtc.ToCopenhagen());
        var (first, last) = (DateOnly.FromDateTime(start), DateOnly.FromDateTime(end));
        List<DateOnly> days;
        if (typed.Count > 0)
        {
            days = [.. typed.Distinct().Order()];
            if (days[0] != first || days[^1] != last)
            {
                errors[CourseDateFields.Days] = $"Kursusdagene skal gå fra startdagen ({first.ToString("d. MMMM yyyy", Danish)}) til slutdagen ({last.ToString("d. MMMM yyyy", Danish)}). De går fra {days[0].ToString("d. MMMM yyyy", Danish)} til {days[^1].ToString("d. MMMM yyyy", Danish)}.";
                return [];
            }
        }
        else if (last > first && end.TimeOfDay > start.TimeOfDay)
        {
            days = [.. Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays)];
        }
        else
        {
            return [];
        }

        if (days.Count < 2)
        {
            return [];
        }

        if (days.Count > CourseSessions.MaxDays)
        {
            errors[days.Count == typed.Count ? CourseDateFields.Days : CourseDateFields.End] =
                $"Et hold kan højst have {CourseSessions.MaxDays} kursusdage. Opret flere hold, eller skriv kursusdagene i feltet Kursusdage.";
            return [];
        }

        if (end.TimeOfDay <= start.TimeOfDay)
        {
            errors[CourseDateFields.End] = $"Holdet går over {days.Count} kursusdage fra kl. {start.ToString("HH.mm", Danish)} til kl. {end.ToString("HH.mm", Danish)} hver dag, så slut-klokkeslættet skal ligge efter start-klokkeslættet.";
            return [];
        }

        foreach (var day in days)
        {
            foreach (var time in new[] { start.TimeOfDay, end.TimeOfDay })
            {
                if (CopenhagenTime.ToUtc(day.ToDateTime(TimeOnly.MinValue) + time).Error is { } error)
                {
                    errors[CourseDateFields.Days] = "Kursusdage: " + error;
                    return [];
                }
            }
        }

        return days;
    }

    /// <summary>For the audit log and messages: "24. marts 2027 kl. 09.00–16.00, Phønix: 12 af 20 pladser taget, Åben".</summary>
    public static string Describe(DateTime startsAt, DateTime endsAt, string location, int? capacity, int? taken, CourseDateStatus status, IReadOnlyList<DateOnly>? days = null)
    {
        var start = startsAt.ToCopenhagen();
        var end = endsAt.ToCopenhagen();
        var when = days is { Count: > 1 }
            ? $"{days.Count} kursusdage, {string.Join(", ", days.Select(d => d.ToString("d. MMMM yyyy", Danish)))}, kl. {start.ToString("HH.mm", Danish)}–{end.ToString("HH.mm", Danish)}"
            : start.Date == end.Date
            ? $"{start.ToString("d. MMMM yyyy 'kl.' HH.mm", Danish)}–{end.ToString("HH.mm", Danish)}"
            : $"{start.ToString("d. MMMM yyyy 'kl.' HH.mm", Danish)} til {end.ToString("d. MMMM yyyy 'kl.' HH.mm", Danish)}";
        var seats = (capacity, taken) switch
        {
            ({ } c, { } t) => $"{t} af {c} pladser taget",
            ({ } c, null) => $"{c} pladser",
            (null, { } t) => $"{t} tilmeldte",
            _ => "pladser ikke talt",
        };
        return $"{when}, {location}: {seats}, {StatusName(status)}";
    }

    public static string Describe(CourseDate d) => Describe(d.StartsAt, d.EndsAt, d.Location, d.Capacity, d.SeatsTaken, d.Status, d.Days);

    public static string Describe(CleanCourseDate d) => Describe(d.StartsAt, d.EndsAt, d.Location, d.Capacity, d.SeatsTaken, d.Status, d.Days);

    private static int? Count(string? text, string field, string label, int min, Dictionary<string, string> errors)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > CapacityMax)
        {
            errors[field] = string.Format(Danish, "{0} skal være et helt tal fra {1} til {2:N0}. »{3}« er ikke.", label, min, CapacityMax, trimmed);
            return null;
        }

        return value;
    }
}
