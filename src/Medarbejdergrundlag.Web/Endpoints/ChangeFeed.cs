using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Infrastructure;
using Medarbejdergrundlag.Web.Pages.Aendringer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Medarbejdergrundlag.Web.Endpoints;

/// <summary>
/// The change log as an Atom feed (System.ServiceModel.Syndication writes it), for readers who
/// follow changes in a feed reader. Open to a signed-in reader, or to a feed reader (Outlook's,
/// Teams' RSS connector) with the token of the reader's own link on the change log
/// (<see cref="Pages.Aendringer.ChangeFeedSlot"/>); the English change log links its own address too,
/// and the feed is of the Danish texts either way.
/// </summary>
public static class ChangeFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>What a feed token opens (<see cref="Pages.Phoenix.Forloeb.CalendarFeedLinks"/> binds each token to one): never a calendar's filter, which is a query string.</summary>
    public const string TokenScope = "atom:aendringer";

    public static async Task<Results<FileContentHttpResult, ChallengeHttpResult>> WriteAsync(
        HttpContext http, ChangeLog log, LinkBuilder links, Pages.Phoenix.Forloeb.CalendarFeedLinks feeds,
        [FromQuery(Name = Pages.Phoenix.Forloeb.CalendarFeedLinks.TokenParameter)] string? token, CancellationToken cancellationToken)
    {
        if (http.User.Identity?.IsAuthenticated != true && !await feeds.OpensAsync(token, TokenScope))
        {
            return TypedResults.Challenge();
        }

        var request = http.Request;
        var page = links.Absolute(request, PortalPaths.Changes);
        var changes = await log.RecentAsync(IndexModel.MaxChanges, cancellationToken);
        var items = new List<SyndicationItem>(changes.Count);
        foreach (var change in changes)
        {
            items.Add(Entry(change, page, await StaticComponent.RenderToStringAsync<ChangeFeedEntry>(http, new() { [nameof(ChangeFeedEntry.Change)] = change })));
        }

        var feed = new SyndicationFeed(
            "Ændringer i medarbejdergrundlaget",
            "Udgivne ændringer i Odense Kommunes medarbejdergrundlag, pejlemærkerne og Phønix.",
            new Uri(page),
            id: page,
            lastUpdatedTime: changes.Count > 0 ? changes[0].Revision.PublishedAt!.Value : DateTimeOffset.UnixEpoch)
        {
            Language = "da",
            Items = items,
        };
        feed.Links.Add(new SyndicationLink(new Uri(links.Absolute(request, PortalPaths.ChangesFeed)), "self", null, "application/atom+xml", 0));
        feed.Authors.Add(new SyndicationPerson { Name = "Odense Kommune, HR" });

        var output = new MemoryStream();
        await using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        http.Response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.Bytes(output.ToArray(), ContentType);
    }

    private static SyndicationItem Entry(PublishedChange change, string page, string html)
    {
        var revision = change.Revision;
        var link = $"{page}#aendring-{revision.Id}";
        var title = revision.IsMaterialChange ? $"{revision.Title}: væsentlig ændring" : $"{revision.Title}: ændret";
        var item = new SyndicationItem(title, SyndicationContent.CreateHtmlContent(html), new Uri(link), link, revision.PublishedAt!.Value)
        {
            PublishDate = revision.PublishedAt!.Value,
        };
        if (!string.IsNullOrWhiteSpace(revision.ChangeNote))
        {
            item.Summary = new TextSyndicationContent(revision.ChangeNote);
        }

        return item;
    }
}
