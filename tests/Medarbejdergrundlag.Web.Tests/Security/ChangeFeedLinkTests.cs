using System.Net;
using System.ServiceModel.Syndication;
using System.Web;
using System.Xml;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// The change log's Atom feed, followed by a feed reader (Outlook's or Teams' RSS connector) that has
/// no sign-in: the reader's own link on /aendringer carries a token for that feed and nothing else,
/// and "Lav nyt link" takes it back, as with the calendar links.
/// </summary>
public sealed class ChangeFeedLinkTests
{
    [Fact]
    public async Task EachReaderGetsTheirOwnFeedLinkThatAFeedReaderFollowsWithoutSignIn()
    {
        using var factory = new PortalFactory();
        using var employee = await factory.SignedInClientAsync();
        using var colleague = await factory.SignedInClientAsync("leder");
        using var feedReader = factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.Redirect, (await feedReader.GetAsync("/aendringer/feed.atom")).StatusCode);

        var link = await FeedLinkAsync(employee);
        // The page is cached whole; each reader still gets a link of their own.
        Assert.NotEqual(link, await FeedLinkAsync(colleague));
        Assert.StartsWith("/aendringer/feed.atom?adgang=", link, StringComparison.Ordinal);

        var response = await feedReader.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // UTF-8 without a byte order mark, which some feed readers show as junk before the XML declaration.
        Assert.Equal((byte)'<', bytes[0]);
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal("Ændringer i medarbejdergrundlaget", feed.Title.Text);
        Assert.Equal("Udgivne ændringer i Odense Kommunes medarbejdergrundlag, pejlemærkerne og Phønix.", feed.Description.Text);
        // Nothing changed since the first publication: no entries, and a fixed "updated" rather than the time of asking.
        Assert.Empty(feed.Items);
        Assert.Equal(DateTimeOffset.UnixEpoch, feed.LastUpdatedTime);

        // The token opens this feed only, and a forged one nothing.
        var token = HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["adgang"]!;
        Assert.Equal(HttpStatusCode.Redirect, (await feedReader.GetAsync($"/phoenix/forloeb/kalender.ics?adgang={Uri.EscapeDataString(token)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await feedReader.GetAsync("/aendringer/feed.atom?adgang=forfalsket")).StatusCode);
        var calendar = new Uri((await employee.GetDocumentAsync("/phoenix/forloeb")).QuerySelector("a.feed-link")!.GetAttribute("href")!);
        var calendarToken = HttpUtility.ParseQueryString(calendar.Query)["adgang"]!;
        Assert.Equal(HttpStatusCode.OK, (await feedReader.GetAsync(calendar.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await feedReader.GetAsync($"/aendringer/feed.atom?adgang={Uri.EscapeDataString(calendarToken)}")).StatusCode);
    }

    [Fact]
    public async Task ANewLinkStopsTheOldFeedLink()
    {
        using var factory = new PortalFactory();
        using var employee = await factory.SignedInClientAsync();
        using var feedReader = factory.CreatePlainClient();
        var old = await FeedLinkAsync(employee);
        Assert.Equal(HttpStatusCode.OK, (await feedReader.GetAsync(old)).StatusCode);

        var changes = await employee.GetDocumentAsync("/aendringer");
        var renew = changes.QuerySelector("a[href^='/konto/kalenderlink']")!;
        Assert.Equal("Lav nyt link", renew.Text());
        var page = await employee.GetDocumentAsync(renew.GetAttribute("href")!);
        Assert.Equal("/aendringer", page.QuerySelector("form[method=post] input[name=returnUrl]")!.GetAttribute("value"));
        var renewed = await employee.PostAsync("/konto/kalenderlink", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/aendringer",
            ["__RequestVerificationToken"] = PortalFactory.AntiforgeryTokenFrom(page.DocumentElement.OuterHtml),
        }));
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        Assert.Equal("/aendringer", renewed.Headers.Location!.OriginalString);

        var fresh = await FeedLinkAsync(employee);
        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.Redirect, (await feedReader.GetAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await feedReader.GetAsync(fresh)).StatusCode);
    }

    private static async Task<string> FeedLinkAsync(HttpClient reader)
    {
        var page = await reader.GetDocumentAsync("/aendringer");
        return new Uri(page.QuerySelector("a.feed-link")!.GetAttribute("href")!).PathAndQuery;
    }
}
