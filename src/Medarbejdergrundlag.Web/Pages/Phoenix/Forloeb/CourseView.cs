using Medarbejdergrundlag.Content;
using System.Globalization;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

/// <summary>A course with what its page shows: the bearings it trains and the dates still offered.</summary>
public sealed record CourseView(PublishedItem Item, PublishedCourse Course, IReadOnlyList<PublishedItem> Bearings, IReadOnlyList<PublishedCourseDate> UpcomingDates)
{

    public static CourseView For(PublishedSite site, PublishedItem item, DateTime nowUtc) => new(
        item,
        item.Course!,
        site.Bearings.Where(b => item.Course!.Details.BearingKeys.Contains(b.Key, StringComparer.Ordinal)).ToList(),
        item.Course!.UpcomingDates(nowUtc).ToList());

    /// <summary>"tirsdag 24. marts 2027 kl. 09.00–16.00", in Copenhagen time.</summary>
    public static string When(PublishedCourseDate date)
    {
        var start = date.StartsAt.ToCopenhagen();
        var end = date.EndsAt.ToCopenhagen();
        return start.Date == end.Date
            ? $"{start.ToString("dddd d. MMMM yyyy 'kl.' HH.mm")}–{end.ToString("HH.mm")}"
            : $"{start.ToString("dddd d. MMMM yyyy 'kl.' HH.mm")} til {end.ToString("dddd d. MMMM yyyy 'kl.' HH.mm")}";
    }

    /// <summary>What a date's status says to a reader.</summary>
    public static string Availability(PublishedCourseDate date) =>
        date.IsCancelled ? "Aflyst"
        : date.IsFull ? "Fuldt booket"
        : date.FreeSeats is { } free ? (free == 1 ? "1 ledig plads" : $"{free} ledige pladser")
        : "Ledige pladser";

    public static string AvailabilityClass(PublishedCourseDate date) =>
        date.IsCancelled ? "status status--cancelled" : date.IsFull ? "status status--full" : "status status--open";
}
