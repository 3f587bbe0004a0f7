using System.Globalization;
using System.Text.Encodings.Web;
using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

/// <summary>
/// The catalogue's one per-reader part: the reader's own feed link for the list on the page (its
/// token names the reader) and when it stops working. The rest of the catalogue is cached whole.
/// </summary>
public sealed class CalendarFeedSlot(CalendarFeedLinks feeds, LinkBuilder links, HtmlEncoder encoder, IStringLocalizer<SharedResource> t) : IPageSlot
{
    public const string SlotName = "calendar-feed";

    public string Name => SlotName;

    public async ValueTask<string> RenderAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var filter = CourseFilter.Parse(query["maalgruppe"], query["forvaltning"], query["pejlemaerke"], query["kommende"], query["ledige"], query["q"]);
        var feedQuery = filter.ToQueryString();
        var (token, expires) = await feeds.TokenAsync(context.User, feedQuery);
        var url = encoder.Encode(links.Absolute(context.Request,
            $"{PortalPaths.CatalogueFeed}?{feedQuery}{(feedQuery.Length > 0 ? "&" : "")}{CalendarFeedLinks.TokenParameter}={Uri.EscapeDataString(token)}"));
        var expiry = $"<span class=\"feed-expires\">{encoder.Encode(PortalCulture.Day(expires.ToCopenhagen()))}</span>";
        return $"<p><a class=\"feed-link\" href=\"{url}\">{url}</a></p>\n    <p>"
            + string.Format(CultureInfo.CurrentCulture, encoder.Encode(t["Linket virker til og med {0}."]), expiry) + " "
            + encoder.Encode(t["Har du delt det med nogen, det ikke var til, så lav et nyt: alle dine gamle kalenderlinks holder op med at virke."]) + "</p>";
    }
}
