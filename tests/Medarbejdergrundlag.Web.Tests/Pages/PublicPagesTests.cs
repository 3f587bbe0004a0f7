using System.Net;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Pages;

public sealed class PublicPagesOnSqlite(PortalFixture portal) : PublicPagesTests(portal), IClassFixture<PortalFixture>;

public sealed class PublicPagesOnPostgres(PostgresPortalFixture portal) : PublicPagesTests(portal), IClassFixture<PostgresPortalFixture>;

/// <summary>Every public page, on each database provider.</summary>
public abstract class PublicPagesTests(PortalFixture portal)
{
    public static TheoryData<string, string[]> Pages => new()
    {
        { "/", ["Mod", "Udvikling", "Handlekraft", "Fællesskab", "Social kapital", "Samskabelse", "Phønix", "Vores medarbejdergrundlag beskriver den arbejdsplads"] },
        { "/medarbejdergrundlag", ["Kære medarbejder i Odense Kommune", "Det kan vi fordi", "Tillid, retfærdighed og et godt samarbejde", "Pejlemærkerne"] },
        { "/pejlemaerker", ["Mod", "Udvikling", "Handlekraft", "Fællesskab", "Lyst til udvikling"] },
        { "/pejlemaerker/mod", ["Mod til at slippe kreativitet og idéer løs", "Det kan vi fordi", "Vi lærer af de fejl"] },
        { "/pejlemaerker/udvikling", ["Lyst til udvikling", "Vi har en rummelig arbejdsplads"] },
        { "/pejlemaerker/handlekraft", ["Være handlekraftig og sætte i gang", "Ledelsen sætter tydelige rammer og retning"] },
        { "/pejlemaerker/faellesskab", ["Skabe den nye virkelighed i fællesskab med andre", "Vi deler viden, succeser og erfaringer"] },
        { "/phoenix", ["1. marts 2014", "minimum 2 dage", "3-årig periode", "alle ledere sikres 2 dage årligt", "Phønix DNA"] },
    };

    [Theory]
    [MemberData(nameof(Pages), MemberType = typeof(PublicPagesTests))]
    public async Task EveryPublicPageShowsItsSeededTextToAnEmployee(string path, string[] expected)
    {
        var document = await portal.Employee.GetDocumentAsync(path);

        Assert.Equal("da", document.DocumentElement.GetAttribute("lang"));
        var main = document.QuerySelector("main") ?? throw new Xunit.Sdk.XunitException("no <main>");
        var text = main.Text();
        foreach (var phrase in expected)
        {
            Assert.Contains(phrase, text);
        }

        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.NotNull(document.QuerySelector("a.skip-link[href='#indhold']"));
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("meta[name=description]")?.GetAttribute("content")));
    }

    [Fact]
    public async Task FrontPageLinksTheFourBearingsAsCards()
    {
        var document = await portal.Employee.GetDocumentAsync("/");

        var cardLinks = document.QuerySelectorAll(".card--bearing a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/pejlemaerker/mod", "/pejlemaerker/udvikling", "/pejlemaerker/handlekraft", "/pejlemaerker/faellesskab"], cardLinks);
    }

    [Fact]
    public async Task FrontPageShowsTheCharterShapeWithATextAlternative()
    {
        var document = await portal.Employee.GetDocumentAsync("/");

        var figure = document.QuerySelector("figure.charter-shape") ?? throw new Xunit.Sdk.XunitException("no figure");
        var label = document.GetElementById(figure.GetAttribute("aria-labelledby")!)!.Text();
        foreach (var name in new[] { "Mod", "Udvikling", "Handlekraft", "Fællesskab", "Social kapital", "Samskabelse" })
        {
            Assert.Contains(name, label);
        }

        // Each box leads to its bearing or to its leg's section of the charter.
        Assert.Contains(figure.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/pejlemaerker/mod" && a.Text() == "Mod");
        Assert.Contains(figure.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("/medarbejdergrundlag#", StringComparison.Ordinal) && a.Text() == "Samskabelse");
    }

    [Fact]
    public async Task CharterHasATableOfContentsWhoseLinksAllLandOnAnAnchor()
    {
        var document = await portal.Employee.GetDocumentAsync("/medarbejdergrundlag");

        var targets = document.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(targets.Count >= 12, $"only {targets.Count} entries in the table of contents");
        foreach (var target in targets)
        {
            Assert.StartsWith("#", target);
            Assert.NotNull(document.GetElementById(target[1..]));
        }

        foreach (var key in new[] { "kaere-medarbejder", "social-kapital", "samskabelse", "mod", "udvikling", "handlekraft", "faellesskab" })
        {
            Assert.NotNull(document.GetElementById(key));
        }
    }

    [Fact]
    public async Task EverySectionAndBearingOffersItsPermalinkAsAVisibleLink()
    {
        var document = await portal.Employee.GetDocumentAsync("/medarbejdergrundlag");

        var links = document.QuerySelectorAll(".share a[href^='http']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("http://localhost/medarbejdergrundlag#mod", links);
        Assert.Contains("http://localhost/medarbejdergrundlag#social-kapital", links);
        Assert.Contains("http://localhost/medarbejdergrundlag#kaere-medarbejder", links);
        Assert.Equal(links.Count, document.QuerySelectorAll(".share button[hidden][data-copy-link]").Length);
    }

    [Theory]
    [InlineData("/medarbejdergrundlag", "Del", "Medarbejdergrundlaget: Social kapital", "http://localhost/medarbejdergrundlag#social-kapital")]
    [InlineData("/en/medarbejdergrundlag", "Share", "The employee charter: Social kapital", "http://localhost/en/medarbejdergrundlag#social-kapital")]
    public async Task EachSectionsShareRowIsSmallAMailWithSubjectAndAddressAndACopyButtonForScript(string path, string share, string subject, string url)
    {
        var document = await portal.Employee.GetDocumentAsync(path);

        // One small row per section, no box with the address spelt out (issue 31: the page was 9,800 px on a phone).
        Assert.Empty(document.QuerySelectorAll("main .copy-link"));
        var row = document.QuerySelector("section#social-kapital .share")!;
        var mail = row.QuerySelector("a[href^='mailto:']")!;
        Assert.StartsWith(share, mail.Text());
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(mail.GetAttribute("href")!).Query);
        Assert.Equal(subject, query["subject"]);
        Assert.Equal(url, query["body"]);
        Assert.Equal(url, row.QuerySelector("a[href^='http']")!.GetAttribute("href"));
        var copy = row.QuerySelector("button[data-copy-link]")!;
        Assert.Equal(url, copy.GetAttribute("data-copy-link"));
        Assert.True(copy.HasAttribute("hidden"), "the copy button needs script: site.js shows it");
        Assert.DoesNotContain(url, row.Text());
    }

    [Fact]
    public async Task BearingPagesLinkToTheirNeighbours()
    {
        var mod = await portal.Employee.GetDocumentAsync("/pejlemaerker/mod");
        var udvikling = await portal.Employee.GetDocumentAsync("/pejlemaerker/udvikling");
        var faellesskab = await portal.Employee.GetDocumentAsync("/pejlemaerker/faellesskab");

        Assert.Null(mod.QuerySelector("a[rel=prev]"));
        Assert.Equal("/pejlemaerker/udvikling", mod.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("/pejlemaerker/mod", udvikling.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal("/pejlemaerker/handlekraft", udvikling.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Null(faellesskab.QuerySelector("a[rel=next]"));
    }

    [Theory]
    [InlineData("/findes-ikke")]
    [InlineData("/pejlemaerker/ukendt")]
    public async Task UnknownUrlsGetTheDanishNotFoundPageWithLinksOnward(string path)
    {
        var response = await portal.Employee.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Siden findes ikke", document.QuerySelector("h1")?.Text());
        var onward = document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/", onward);
        Assert.Contains("/medarbejdergrundlag", onward);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/medarbejdergrundlag")]
    [InlineData("/pejlemaerker/mod")]
    [InlineData("/phoenix")]
    public async Task AnonymousReadersAreSentToSignIn(string path)
    {
        using var anonymous = portal.Factory.CreatePlainClient();

        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("http://localhost/konto/log-ind?ReturnUrl=", location);
        Assert.Contains(Uri.EscapeDataString(path), location);
    }

    [Fact]
    public async Task StylesheetsAndScriptsAreFingerprintedAndServedFromTheSameOrigin()
    {
        var document = await portal.Employee.GetDocumentAsync("/medarbejdergrundlag");

        var assets = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(document.QuerySelectorAll("script").Select(s => s.GetAttribute("src")!))
            .ToList();
        Assert.Equal(2, assets.Count);
        foreach (var asset in assets)
        {
            Assert.Matches(@"^/(css|js)/[a-z]+\.[a-z0-9]{6,}\.(css|js)$", asset);
            using var anonymous = portal.Factory.CreatePlainClient();
            var response = await anonymous.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
