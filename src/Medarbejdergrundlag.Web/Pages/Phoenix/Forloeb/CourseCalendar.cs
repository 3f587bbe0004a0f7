using Medarbejdergrundlag.Content;
using System.Globalization;
using Calendar = Ical.Net.Calendar;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.Extensions.Localization;

namespace Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

/// <summary>
/// Course dates as iCalendar (RFC 5545), written by Ical.Net: local times with a TZID that the
/// calendar's own VTIMEZONE defines, a UID per date that never changes, SEQUENCE from the date's
/// version, and cancelled dates kept as STATUS:CANCELLED so subscribed calendars remove them.
/// Ical.Net escapes, folds and ends lines with CRLF; what is ours is the text going in, cleared of
/// control characters and bidirectional overrides.
/// </summary>
public static class CourseCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <param name="events">The dates, each with its course.</param>
    /// <param name="courseLink">The absolute link to a course's page.</param>
    /// <param name="uidDomain">The right-hand side of every UID: the portal's host.</param>
    /// <param name="t">The interface's words in the language of the page the file was asked from; the course text comes from that page's site.</param>
    public static byte[] Write(string calendarName, IEnumerable<(PublishedItem Course, PublishedCourseDate Date)> events, Func<PublishedItem, string> courseLink, string uidDomain, IStringLocalizer t)
    {
        var list = events.ToList();
        var calendar = new Calendar
        {
            ProductId = "-//Odense Kommune//Medarbejdergrundlag Phønix//" + PortalCulture.CurrentLanguage.ToUpperInvariant(),
            Method = "PUBLISH",
            Scale = "GREGORIAN",
        };
        calendar.AddProperty("X-WR-CALNAME", Clean(calendarName));
        calendar.AddProperty("X-WR-TIMEZONE", PortalCulture.CopenhagenZoneId);

        // The zone's rules in force from the earliest date on, so every date resolves through the file itself.
        var earliest = list.Count == 0 ? DateTime.UtcNow : list.Min(e => e.Date.StartsAt);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(PortalCulture.CopenhagenZoneId, earliest.ToCopenhagen().AddYears(-1), includeHistoricalData: false));

        foreach (var (course, date) in list)
        {
            var link = courseLink(course);
            var description = $"{course.Summary(300)}\n\n{DescribeSeats(t, date)}\n\n{t["Læs mere og tilmeld dig: {0}", link]}";
            // A date of several days is one event a day, so a calendar shows the hours, not the nights between.
            var sessions = date.Sessions;
            for (var day = 0; day < sessions.Count; day++)
            {
                var title = sessions.Count > 1 ? t["{0} (dag {1} af {2})", course.Title, day + 1, sessions.Count].Value : course.Title;
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = Uid(date.Id, uidDomain, day),
                    DtStamp = new CalDateTime(DateTime.SpecifyKind(date.UpdatedAt, DateTimeKind.Utc), CalDateTime.UtcTzId),
                    Sequence = date.Version,
                    DtStart = Local(sessions[day].StartsAt),
                    DtEnd = Local(sessions[day].EndsAt),
                    Summary = Clean(date.IsCancelled ? t["Aflyst: {0}", title] : title),
                    Location = Clean(date.Location),
                    Description = Clean(description),
                    Url = new Uri(link),
                    Status = date.IsCancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                    Transparency = TransparencyType.Opaque,
                });
            }
        }

        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar)!);
    }

    /// <summary>The same for every download and every feed the date is in, so a calendar updates the event instead of adding another.</summary>
    /// <remarks>A date of several days: its first day has the date's UID, as a date of one day has; the others add "-dag-2", "-dag-3".</remarks>
    public static string Uid(int dateId, string domain, int day = 0) =>
        day == 0
            ? $"phoenix-hold-{dateId.ToString(CultureInfo.InvariantCulture)}@{domain}"
            : $"phoenix-hold-{dateId.ToString(CultureInfo.InvariantCulture)}-dag-{(day + 1).ToString(CultureInfo.InvariantCulture)}@{domain}";

    public static string DescribeSeats(IStringLocalizer t, PublishedCourseDate date) =>
        date.IsCancelled ? t["Holdet er aflyst."]
        : date.IsFull ? t["Holdet er fuldt booket."]
        : date.FreeSeats is { } free ? (free == 1 ? t["1 ledig plads."] : t["{0} ledige pladser.", free])
        : t["Der er ledige pladser."];

    /// <summary>
    /// Text as a calendar may show it: line breaks kept as line feeds, tabs as spaces, every other
    /// control character and every bidirectional control (which can make text read in a different
    /// order than it is stored, "Trojan Source") dropped.
    /// </summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var c in normalized)
        {
            if (c == '\n')
            {
                builder.Append(c);
            }
            else if (c == '\t')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c) && !IsBidiControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static CalDateTime Local(DateTime utc) =>
        new(DateTime.SpecifyKind(utc.ToCopenhagen(), DateTimeKind.Unspecified), PortalCulture.CopenhagenZoneId);
}
