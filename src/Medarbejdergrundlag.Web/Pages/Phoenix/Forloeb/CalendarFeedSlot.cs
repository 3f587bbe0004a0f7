using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Infrastructure;

namespace Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

/// <summary>
/// The catalogue's one per-reader part: the reader's own feed link for the list on the page (its
/// token names the reader) and when it stops working (<see cref="CalendarFeedLink"/>). The rest of
/// the catalogue is cached whole.
/// </summary>
public sealed class CalendarFeedSlot(CalendarFeedLinks feeds, LinkBuilder links, SlotMarkup markup) : IPageSlot
{
    public const string SlotName = "calendar-feed";

    public string Name => SlotName;

    public async ValueTask<string> RenderAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var filter = CourseFilter.Parse(query["maalgruppe"], query["forvaltning"], query["pejlemaerke"], query["kommende"], query["ledige"], query["q"]);
        var feedQuery = filter.ToQueryString();
        var (token, expires) = await feeds.TokenAsync(context.User, feedQuery);
        var url = links.Absolute(context.Request,
            $"{PortalPaths.CatalogueFeed}?{feedQuery}{(feedQuery.Length > 0 ? "&" : "")}{CalendarFeedLinks.TokenParameter}={Uri.EscapeDataString(token)}");
        var day = PortalCulture.Day(expires.ToCopenhagen());
        var uri = new Uri(url);
        // Rendered once per expiry day, scheme and language; the reader's own address goes in per
        // request, after the scheme, so the webcal: link can carry it too.
        return await markup.RenderAsync<CalendarFeedLink>(context, $"{day}|{uri.Scheme}", () => new()
        {
            [nameof(CalendarFeedLink.Scheme)] = uri.Scheme,
            [nameof(CalendarFeedLink.Address)] = SlotMarkup.Marker,
            [nameof(CalendarFeedLink.Expires)] = day,
        }, url[(uri.Scheme.Length + 3)..]);
    }
}
