using System.Globalization;

namespace Medarbejdergrundlag.Content.Courses;

/// <summary>
/// Course times are stored in UTC and typed and shown as wall-clock time in Odense
/// (Europe/Copenhagen), so a course at 09:00 stays at 09:00 across the change to and from summer time.
/// </summary>
public static class CopenhagenTime
{
    private static CultureInfo Danish => PortalCulture.Danish;

    /// <summary>What editors type and spreadsheets hold: 24-03-2027 09:00 (also 24-3-2027 9.00), or an HTML datetime-local value.</summary>
    private static readonly string[] Formats =
    [
        "dd-MM-yyyy HH:mm", "d-M-yyyy H:mm", "dd-MM-yyyy HH.mm", "d-M-yyyy H.mm", "dd-MM-yyyy HH:mm:ss", "d-M-yyyy H:mm:ss",
        "dd.MM.yyyy HH:mm", "d.M.yyyy H:mm", "dd/MM/yyyy HH:mm", "d/M/yyyy H:mm",
        "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm",
    ];

    /// <summary>Wall-clock time in Copenhagen to UTC. Null, with a Danish reason, when that wall-clock time does not exist or occurs twice.</summary>
    public static (DateTime? Utc, string? Error) ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (PortalCulture.Copenhagen.IsInvalidTime(local))
        {
            return (null, $"Klokken {local.ToString("HH':'mm", Danish)} findes ikke den {local.ToString("d. MMMM yyyy", Danish)}, fordi uret stilles frem til sommertid. Vælg et andet tidspunkt.");
        }

        if (PortalCulture.Copenhagen.IsAmbiguousTime(local))
        {
            return (null, $"Klokken {local.ToString("HH':'mm", Danish)} forekommer to gange den {local.ToString("d. MMMM yyyy", Danish)}, fordi uret stilles tilbage til vintertid. Vælg et andet tidspunkt.");
        }

        return (TimeZoneInfo.ConvertTimeToUtc(local, PortalCulture.Copenhagen), null);
    }

    /// <summary>A date alone, where <see cref="ParseLocal"/> allows one: 31-12-2026.</summary>
    private static readonly string[] DateFormats = ["dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>
    /// Parses a Danish date and time as wall-clock time in Copenhagen and returns it in UTC. With
    /// <paramref name="dateAloneIsMidnight"/> (scheduling), a date alone means 00:00 Danish time on it,
    /// which no change of clock skips or repeats.
    /// </summary>
    public static (DateTime? Utc, string? Error) ParseLocal(string? text, bool dateAloneIsMidnight = false)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return (null, "Skriv dato og klokkeslæt, fx 24-03-2027 09:00.");
        }

        if (dateAloneIsMidnight && DateTime.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return ToUtc(day.Date);
        }

        if (!DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (null, $"»{trimmed}« er ikke en dato med klokkeslæt. Skriv den som 24-03-2027 09:00.");
        }

        return ToUtc(local);
    }

    /// <summary>The form of <see cref="ParseLocal"/>: 24-03-2027 09:00.</summary>
    public static string Format(DateTime utc) => utc.ToCopenhagen().ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);
}
