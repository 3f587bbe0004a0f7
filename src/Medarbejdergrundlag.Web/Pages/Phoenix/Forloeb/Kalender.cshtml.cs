using System.Text;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

/// <summary>
/// The subscribable feed of a filtered list: the dates the list offers, plus cancelled ones, so a
/// subscribed calendar learns of a cancellation. Open to a signed-in reader, or to a calendar
/// program with the token from the catalogue's feed link for exactly these filters.
/// </summary>
[AllowAnonymous]
public sealed class KalenderModel(PublishedContentStore content, TimeProvider clock, CalendarFeedLinks feeds, LinkBuilder links) : PageModel
{
    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "maalgruppe")] string? audience,
        [FromQuery(Name = "forvaltning")] string? forvaltning,
        [FromQuery(Name = "pejlemaerke")] string? bearing,
        [FromQuery(Name = "kommende")] string? upcoming,
        [FromQuery(Name = "ledige")] string? free,
        [FromQuery(Name = "q")] string? text,
        [FromQuery(Name = CalendarFeedLinks.TokenParameter)] string? token)
    {
        var filter = CourseFilter.Parse(audience, forvaltning, bearing, upcoming, free, text);
        if (User.Identity?.IsAuthenticated != true && !await feeds.OpensAsync(token, filter.ToQueryString()))
        {
            return Challenge();
        }

        var site = await content.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var events = CourseCatalog.Filter(site, filter, now)
            .SelectMany(e => e.Dates.Select(d => (e.Item, d)))
            .OrderBy(e => e.d.StartsAt);
        var ics = CourseCalendar.Write("Phønix-forløb", events, c => links.Absolute(Request, "/phoenix/forloeb/" + c.Slug), new Uri(links.Absolute(Request, "/")).Host);
        Response.Headers.CacheControl = "private, max-age=300";
        return File(Encoding.UTF8.GetBytes(ics), CourseCalendar.ContentType, "phoenix-forloeb.ics");
    }
}
