using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Medarbejdergrundlag.Web.Endpoints;

/// <summary>
/// The calendar files: endpoints, not pages. A date's .ics needs the fallback policy (a signed-in
/// reader); the feed lets a calendar program in with the token from the catalogue's feed link.
/// Mapped by <see cref="PortalEndpoints"/>.
/// </summary>
public static class CalendarEndpoints
{
    /// <summary>One date as an .ics file to open in a calendar.</summary>
    public static async Task<Results<FileContentHttpResult, RedirectHttpResult, NotFound>> DateAsync(string slug, int holdId, HttpRequest request, PublishedContentStore content, LinkBuilder links, IStringLocalizer<SharedResource> t)
    {
        var site = await content.GetAsync();
        if (site.FindCourse(slug) is not { } course)
        {
            return site.CourseRedirect(slug) is { } current
                ? TypedResults.Redirect(PortalPaths.CourseDate(current, holdId), permanent: true)
                : TypedResults.NotFound();
        }

        if (course.Course!.Dates.FirstOrDefault(d => d.Id == holdId) is not { } date)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(Write(request, links, t, course.Title, [(course, date)]), CourseCalendar.ContentType, $"{course.Slug}-{date.Id}.ics");
    }

    /// <summary>
    /// The subscribable feed of a filtered list: the dates the list offers, plus cancelled ones, so a
    /// subscribed calendar learns of a cancellation. Open to a signed-in reader, or to a calendar
    /// program with the token from the catalogue's feed link for exactly these filters.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ChallengeHttpResult>> FeedAsync(
        HttpContext http,
        PublishedContentStore content,
        TimeProvider clock,
        CalendarFeedLinks feeds,
        LinkBuilder links,
        IStringLocalizer<SharedResource> t,
        [FromQuery(Name = "maalgruppe")] string? audience,
        [FromQuery(Name = "forvaltning")] string? forvaltning,
        [FromQuery(Name = "pejlemaerke")] string? bearing,
        [FromQuery(Name = "kommende")] string? upcoming,
        [FromQuery(Name = "ledige")] string? free,
        [FromQuery(Name = "q")] string? text,
        [FromQuery(Name = CalendarFeedLinks.TokenParameter)] string? token)
    {
        var filter = CourseFilter.Parse(audience, forvaltning, bearing, upcoming, free, text);
        if (http.User.Identity?.IsAuthenticated != true && !await feeds.OpensAsync(token, filter.ToQueryString()))
        {
            return TypedResults.Challenge();
        }

        var site = await content.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var events = CourseCatalog.Filter(site, filter, now)
            .SelectMany(e => e.Dates.Select(d => (e.Item, d)))
            .OrderBy(e => e.d.StartsAt);
        http.Response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.File(Write(http.Request, links, t, t["Phønix-forløb"], events), CourseCalendar.ContentType, "phoenix-forloeb.ics");
    }

    private static byte[] Write(HttpRequest request, LinkBuilder links, IStringLocalizer t, string name, IEnumerable<(PublishedItem, PublishedCourseDate)> events) =>
        CourseCalendar.Write(name, events, c => links.Absolute(request, PortalPaths.Course(c.Slug)), new Uri(links.Absolute(request, "/")).Host, t);
}
