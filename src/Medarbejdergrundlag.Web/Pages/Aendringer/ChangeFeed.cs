using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Infrastructure;

namespace Medarbejdergrundlag.Web.Pages.Aendringer;

/// <summary>
/// The change log as an Atom feed (System.ServiceModel.Syndication writes it), for readers who
/// follow changes in a feed reader. Behind the sign-in like the page it mirrors.
/// </summary>
public static class ChangeFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static IEndpointRouteBuilder MapChangeFeed(this IEndpointRouteBuilder endpoints)
    {
        // The English change log links its own address too; the feed is of the Danish texts either way.
        foreach (var language in new[] { PortalCulture.DanishCode, PortalCulture.EnglishCode })
        {
            endpoints.MapGet(PortalCulture.In(language, () => PortalPaths.ChangesFeed), WriteAsync);
        }

        return endpoints;
    }

    private static async Task<IResult> WriteAsync(HttpRequest request, ChangeLog log, LinkBuilder links, CancellationToken cancellationToken)
    {
        var changes = await log.RecentAsync(IndexModel.MaxChanges, cancellationToken);
        var page = links.Absolute(request, PortalPaths.Changes);
        var feed = new SyndicationFeed(
            "Ændringer i medarbejdergrundlaget",
            "Udgivne ændringer i Odense Kommunes medarbejdergrundlag, pejlemærkerne og Phønix.",
            new Uri(page),
            id: page,
            lastUpdatedTime: changes.Count > 0 ? changes[0].Revision.PublishedAt!.Value : DateTimeOffset.UnixEpoch)
        {
            Language = "da",
            Items = changes.Select(change => Entry(change, page)).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(links.Absolute(request, PortalPaths.ChangesFeed)), "self", null, "application/atom+xml", 0));
        feed.Authors.Add(new SyndicationPerson { Name = "Odense Kommune, HR" });

        var output = new MemoryStream();
        await using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return Results.Bytes(output.ToArray(), ContentType);
    }

    private static SyndicationItem Entry(PublishedChange change, string page)
    {
        var revision = change.Revision;
        var link = $"{page}#aendring-{revision.Id}";
        var title = revision.IsMaterialChange ? $"{revision.Title}: væsentlig ændring" : $"{revision.Title}: ændret";
        var item = new SyndicationItem(title, SyndicationContent.CreateHtmlContent(Html(change)), new Uri(link), link, revision.PublishedAt!.Value)
        {
            PublishDate = revision.PublishedAt!.Value,
        };
        if (!string.IsNullOrWhiteSpace(revision.ChangeNote))
        {
            item.Summary = new TextSyndicationContent(revision.ChangeNote);
        }

        return item;
    }

    /// <summary>The diff as the page shows it, encoded here: the feed's HTML carries no markup from the content.</summary>
    private static string Html(PublishedChange change)
    {
        var html = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(change.Revision.ChangeNote))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode("Redaktørens note: " + change.Revision.ChangeNote)).Append("</p>");
        }

        foreach (var field in change.Fields)
        {
            html.Append("<h3>").Append(WebUtility.HtmlEncode(field.Field)).Append("</h3>");
            foreach (var paragraph in field.Paragraphs)
            {
                html.Append("<p>");
                foreach (var run in paragraph.Runs)
                {
                    var text = WebUtility.HtmlEncode(run.Text);
                    html.Append(run.Change switch
                    {
                        WordChange.Added => $"<ins>{text}</ins>",
                        WordChange.Removed => $"<del>{text}</del>",
                        _ => text,
                    });
                }

                html.Append("</p>");
            }
        }

        return html.ToString();
    }
}
