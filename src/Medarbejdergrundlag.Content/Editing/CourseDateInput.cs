using System.Globalization;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Slugs;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>A course date as typed: wall-clock times in Copenhagen, numbers as text.</summary>
public sealed record CourseDateInput(string? Start, string? End, string? Location, string? Capacity, string? SeatsTaken, string? Status);

/// <summary>A checked course date, times in UTC.</summary>
public sealed record CleanCourseDate(DateTime StartsAt, DateTime EndsAt, string Location, int? Capacity, int? SeatsTaken, CourseDateStatus Status)
{
    public bool SameAs(CourseDate date) =>
        date.StartsAt == StartsAt && date.EndsAt == EndsAt && date.Location == Location &&
        date.Capacity == Capacity && date.SeatsTaken == SeatsTaken && date.Status == Status;
}

public static class CourseDateFields
{
    public const string Start = nameof(CourseDateInput.Start);
    public const string End = nameof(CourseDateInput.End);
    public const string Location = nameof(CourseDateInput.Location);
    public const string Capacity = nameof(CourseDateInput.Capacity);
    public const string SeatsTaken = nameof(CourseDateInput.SeatsTaken);
    public const string Status = nameof(CourseDateInput.Status);
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

        DateTime? end = null;
        var endText = (input.End ?? "").Trim();
        var endIsTime = TimeOnly.TryParseExact(endText.Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var endTime);
        if (start is null && endIsTime)
        {
            // A time alone is on the start's day: with no valid start there is nothing wrong to say about it.
        }
        else if (start is not null && endIsTime)
        {
            // Only a time: the same day as the start.
            var (utc, error) = CopenhagenTime.ToUtc(start.Value.ToCopenhagen().Date + endTime.ToTimeSpan());
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

        if (start is not null && end is not null && end <= start)
        {
            errors[CourseDateFields.End] = $"Slut ({CopenhagenTime.Format(end.Value)}) skal ligge efter start ({CopenhagenTime.Format(start.Value)}).";
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
            : (new CleanCourseDate(start.Value, end.Value, location, capacity, taken, status.Value), errors);
    }

    /// <summary>For the audit log and messages: "24. marts 2027 kl. 09.00–16.00, Phønix: 12 af 20 pladser taget, Åben".</summary>
    public static string Describe(DateTime startsAt, DateTime endsAt, string location, int? capacity, int? taken, CourseDateStatus status)
    {
        var start = startsAt.ToCopenhagen();
        var end = endsAt.ToCopenhagen();
        var when = start.Date == end.Date
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

    public static string Describe(CourseDate d) => Describe(d.StartsAt, d.EndsAt, d.Location, d.Capacity, d.SeatsTaken, d.Status);

    public static string Describe(CleanCourseDate d) => Describe(d.StartsAt, d.EndsAt, d.Location, d.Capacity, d.SeatsTaken, d.Status);

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
