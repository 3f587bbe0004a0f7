using System.Diagnostics;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

/// <summary>
/// The catalogue: the same for every reader apart from their feed link (<see cref="CalendarFeedSlot"/>),
/// so it is cached whole until the next publish or until the next date begins, whichever is first.
/// </summary>
[WholePageCache]
public sealed class IndexModel(PublishedContentStore content, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "maalgruppe")]
    public string? Audience { get; set; }

    [FromQuery(Name = "forvaltning")]
    public string? Forvaltning { get; set; }

    [FromQuery(Name = "pejlemaerke")]
    public string? Bearing { get; set; }

    [FromQuery(Name = "kommende")]
    public string? Upcoming { get; set; }

    [FromQuery(Name = "ledige")]
    public string? FreeSeats { get; set; }

    [FromQuery(Name = "q")]
    public string? Text { get; set; }

    public CourseFilter Filter { get; private set; } = new();

    public PublishedSite Site { get; private set; } = default!;

    public IReadOnlyList<CatalogueEntry> Entries { get; private set; } = [];

    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        var timer = Stopwatch.StartNew();
        Site = await content.GetAsync();
        Now = clock.GetUtcNow().UtcDateTime;
        Filter = CourseFilter.Parse(Audience, Forvaltning, Bearing, Upcoming, FreeSeats, Text);
        Entries = CourseCatalog.Filter(Site, Filter, Now);
        // "Upcoming" and "free seats" change when a date begins: the page is good until then.
        if (CourseCatalog.NextChange(Site, Now) is { } next)
        {
            HttpContext.Items[WholePageCache.ValidUntilItem] = new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
        }

        // Server time for the catalogue's performance budget; read by tests/load/catalogue.sh.
        Response.Headers["Server-Timing"] = $"catalogue;dur={timer.Elapsed.TotalMilliseconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
