using System.Globalization;
using System.Text;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

/// <summary>
/// Writes course dates as iCalendar (RFC 5545): CRLF line endings, lines folded at 75 octets
/// without splitting a UTF-8 character, TEXT values escaped, local times with a TZID that the
/// calendar's own VTIMEZONE defines, and a UID per date that never changes.
/// </summary>
public static class CourseCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private const int MaxOctets = 75;

    /// <summary>
    /// Europe/Copenhagen since 1996: summer time from the last Sunday of March 02:00 to the last
    /// Sunday of October 03:00 (local).
    /// </summary>
    private static readonly string[] TimeZone =
    [
        "BEGIN:VTIMEZONE",
        "TZID:" + CopenhagenTime.ZoneId,
        "X-LIC-LOCATION:" + CopenhagenTime.ZoneId,
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];

    /// <param name="events">The dates, each with its course.</param>
    /// <param name="courseLink">The absolute link to a course's page.</param>
    /// <param name="uidDomain">The right-hand side of every UID: the portal's host.</param>
    public static string Write(string calendarName, IEnumerable<(PublishedItem Course, PublishedCourseDate Date)> events, Func<PublishedItem, string> courseLink, string uidDomain)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Odense Kommune//Medarbejdergrundlag Phønix//DA",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(calendarName),
            "X-WR-TIMEZONE:" + CopenhagenTime.ZoneId,
        };
        lines.AddRange(TimeZone);
        foreach (var (course, date) in events)
        {
            var link = courseLink(course);
            var summary = course.Summary(300);
            var description = $"{summary}\n\n{DescribeSeats(date)}\n\nLæs mere og tilmeld dig: {link}";
            lines.AddRange(
            [
                "BEGIN:VEVENT",
                $"UID:{Uid(date.Id, uidDomain)}",
                "DTSTAMP:" + date.UpdatedAt.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
                "SEQUENCE:" + date.Version.ToString(CultureInfo.InvariantCulture),
                $"DTSTART;TZID={CopenhagenTime.ZoneId}:{Local(date.StartsAt)}",
                $"DTEND;TZID={CopenhagenTime.ZoneId}:{Local(date.EndsAt)}",
                "SUMMARY:" + Escape(date.IsCancelled ? "Aflyst: " + course.Title : course.Title),
                "LOCATION:" + Escape(date.Location),
                "DESCRIPTION:" + Escape(description),
                "URL:" + link,
                "STATUS:" + (date.IsCancelled ? "CANCELLED" : "CONFIRMED"),
                "TRANSP:OPAQUE",
                "END:VEVENT",
            ]);
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, text);
        }

        return text.ToString();
    }

    /// <summary>The same for every download and every feed the date is in, so a calendar updates the event instead of adding another.</summary>
    public static string Uid(int dateId, string domain) => $"phoenix-hold-{dateId.ToString(CultureInfo.InvariantCulture)}@{domain}";

    public static string DescribeSeats(PublishedCourseDate date) =>
        date.IsCancelled ? "Holdet er aflyst."
        : date.IsFull ? "Holdet er fuldt booket."
        : date.FreeSeats is { } free ? $"{free} ledige pladser."
        : "Der er ledige pladser.";

    private static string Local(DateTime utc) =>
        CopenhagenTime.ToLocal(utc).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 3.3.11: backslash, semicolon, comma and line breaks.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>RFC 5545 3.1: lines of at most 75 octets, continued on lines that begin with a space.</summary>
    private static void Fold(string line, StringBuilder output)
    {
        var octets = 0;
        var limit = MaxOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1;
            }

            output.Append(line, i, width);
            octets += size;
            i += width - 1;
        }

        output.Append("\r\n");
    }
}
