using System.Diagnostics;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

public sealed class IndexModel(PublishedContentStore content, TimeProvider clock, CalendarFeedLinks feeds, LinkBuilder links) : PageModel
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

    /// <summary>The subscribable feed of exactly this list, with its access token.</summary>
    public string FeedUrl { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var timer = Stopwatch.StartNew();
        Site = await content.GetAsync();
        Now = clock.GetUtcNow().UtcDateTime;
        Filter = CourseFilter.Parse(Audience, Forvaltning, Bearing, Upcoming, FreeSeats, Text);
        Entries = CourseCatalog.Filter(Site, Filter, Now);
        var query = Filter.ToQueryString();
        var separator = query.Length > 0 ? "&" : "";
        FeedUrl = links.Absolute(Request, $"{PortalPaths.CatalogueFeed}?{query}{separator}{CalendarFeedLinks.TokenParameter}={Uri.EscapeDataString(feeds.Token(query))}");

        // Server time for the catalogue's performance budget; read by tests/load/catalogue.sh.
        Response.Headers["Server-Timing"] = $"catalogue;dur={timer.Elapsed.TotalMilliseconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
