using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Endpoints;
using Medarbejdergrundlag.Web.Infrastructure;
using Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

namespace Medarbejdergrundlag.Web.Pages.Aendringer;

/// <summary>
/// The change log's one per-reader part: the reader's own Atom feed link, whose token lets a feed
/// reader (Outlook's, Teams') in without a sign-in. The token is a calendar feed link's
/// (<see cref="CalendarFeedLinks"/>) for the feed's own scope, so it expires with the same lifetime
/// and "Lav nyt link" or a logout everywhere ends it with the reader's calendar links.
/// </summary>
public sealed class ChangeFeedSlot(CalendarFeedLinks feeds, LinkBuilder links, SlotMarkup markup) : IPageSlot
{
    public const string SlotName = "change-feed";

    public string Name => SlotName;

    public async ValueTask<string> RenderAsync(HttpContext context)
    {
        var (token, expires) = await feeds.TokenAsync(context.User, ChangeFeed.TokenScope);
        var url = links.Absolute(context.Request, $"{PortalPaths.ChangesFeed}?{CalendarFeedLinks.TokenParameter}={Uri.EscapeDataString(token)}");
        var day = PortalCulture.Day(expires.ToCopenhagen());
        // Rendered once per expiry day and language; the reader's own link goes in per request.
        return await markup.RenderAsync<ChangeFeedLink>(context, day, () => new()
        {
            [nameof(ChangeFeedLink.Url)] = SlotMarkup.Marker,
            [nameof(ChangeFeedLink.Expires)] = day,
        }, url);
    }
}
