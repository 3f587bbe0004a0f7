using Bunit;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Components;

/// <summary>The Razor components, rendered and compared by bunit.</summary>
public sealed class ComponentTests : IDisposable
{
    private readonly BunitContext _context = new();

    public ComponentTests() => _context.Services.AddLocalization(options => options.ResourcesPath = "Resources");

    public void Dispose() => _context.Dispose();

    [Fact]
    public void CopyLinkShowsTheLinkItselfAndKeepsTheButtonHiddenUntilScriptRevealsIt()
    {
        var cut = _context.Render<CopyLink>(p => p
            .Add(c => c.Url, "https://portal.example/medarbejdergrundlag#mod")
            .Add(c => c.Label, "Mod"));

        cut.MarkupMatches("""
            <div class="copy-link">
                <span class="copy-link__label">Link til Mod:</span>
                <a class="copy-link__url" href="https://portal.example/medarbejdergrundlag#mod">https://portal.example/medarbejdergrundlag#mod</a>
                <button type="button" class="copy-link__button" data-copy-link="https://portal.example/medarbejdergrundlag#mod"
                        data-copied="Linket er kopieret." data-copy-failed="Linket kunne ikke kopieres. Markér det, og kopiér det selv." hidden>Kopiér link<span class="visually-hidden"> til Mod</span></button>
                <span class="copy-link__status" role="status" aria-live="polite"></span>
            </div>
            """);
    }

    [Fact]
    public void CopyLinkSpeaksEnglishOnTheEnglishPages()
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = Medarbejdergrundlag.Content.PortalCulture.English;
        try
        {
            var cut = _context.Render<CopyLink>(p => p.Add(c => c.Url, "https://portal.example/en/medarbejdergrundlag#mod").Add(c => c.Label, "Courage"));

            Assert.Equal("Link to Courage:", cut.Find(".copy-link__label").TextContent);
            Assert.Equal("Copy link to Courage", cut.Find("button").TextContent);
            Assert.Equal("The link is copied.", cut.Find("button").GetAttribute("data-copied"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void CopyLinkFollowsNewParameters()
    {
        var cut = _context.Render<CopyLink>(p => p.Add(c => c.Url, "https://portal.example/a").Add(c => c.Label, "Mod"));

        cut.Render(p => p.Add(c => c.Url, "https://portal.example/b").Add(c => c.Label, "Udvikling"));

        Assert.Equal("https://portal.example/b", cut.Find("a.copy-link__url").GetAttribute("href"));
        Assert.Equal("https://portal.example/b", cut.Find("button").GetAttribute("data-copy-link"));
        Assert.Equal("Kopiér link til Udvikling", cut.Find("button").TextContent);
    }

    [Fact]
    public void CopyLinkEncodesWhatItIsGiven()
    {
        var cut = _context.Render<CopyLink>(p => p
            .Add(c => c.Url, "https://portal.example/x\"><script>alert(1)</script>")
            .Add(c => c.Label, "<b>Mod</b>"));

        Assert.Empty(cut.FindAll("script, b"));
        Assert.Contains("<b>Mod</b>", cut.Find("button").TextContent);
        Assert.Equal("https://portal.example/x\"><script>alert(1)</script>", cut.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void BearingCardLinksToTheBearingAndShowsItsHeadline()
    {
        var bearing = new PublishedItem(
            7, ContentKind.Bearing, "udvikling", 2, "Udvikling", "udvikling", "Lyst til <strong>udvikling</strong>", "", "", DateTime.UtcNow);

        var cut = _context.Render<BearingCard>(p => p.Add(c => c.Bearing, bearing).Add(c => c.Href, "/pejlemaerker/udvikling"));

        cut.MarkupMatches("""
            <article class="card card--bearing" aria-labelledby="card-udvikling">
                <h3 class="card__title" id="card-udvikling"><a href="/pejlemaerker/udvikling">Udvikling</a></h3>
                <p class="card__lead">Lyst til <strong>udvikling</strong></p>
            </article>
            """);
    }

    [Fact]
    public void BearingCardTakesTheHeadingLevelBelowTheHeadingItStandsUnder()
    {
        var bearing = new PublishedItem(
            7, ContentKind.Bearing, "mod", 2, "Mod", "mod", "Mod til at slippe kreativiteten løs", "", "", DateTime.UtcNow);

        var underH1 = _context.Render<BearingCard>(p => p.Add(c => c.Bearing, bearing).Add(c => c.Href, "/pejlemaerker/mod").Add(c => c.HeadingLevel, 2));

        Assert.Equal("Mod", underH1.Find("h2.card__title").TextContent);
        Assert.Empty(underH1.FindAll("h3"));
    }

    [Fact]
    public void CharterShapeShowsEveryBearingOnTheLegsAsLinksAndDescribesThemInWords()
    {
        var cut = _context.Render<CharterShape>(p => p
            .Add(c => c.Bearings, [new("Mod", "/pejlemaerker/mod"), new("Udvikling", "/pejlemaerker/udvikling"), new("Handlekraft", "/pejlemaerker/handlekraft"), new("Fællesskab", "/pejlemaerker/faellesskab")])
            .Add(c => c.Legs, [new("Social kapital", "/medarbejdergrundlag#social-kapital"), new("Samskabelse", "/medarbejdergrundlag#samskabelse")]));

        Assert.Equal("shape-title", cut.Find("figure").GetAttribute("aria-labelledby"));
        Assert.Equal(
            ["Mod", "Udvikling", "Handlekraft", "Fællesskab"],
            cut.FindAll(".charter-shape__bearings a").Select(a => a.TextContent));
        Assert.Equal("/pejlemaerker/handlekraft", cut.FindAll(".charter-shape__bearings a")[2].GetAttribute("href"));
        Assert.Equal("Sammen om udvikling", cut.Find(".charter-shape__beam").TextContent);
        Assert.Equal(
            ["/medarbejdergrundlag#social-kapital", "/medarbejdergrundlag#samskabelse"],
            cut.FindAll(".charter-shape__legs a").Select(a => a.GetAttribute("href")));
        Assert.Equal(
            "Medarbejdergrundlagets opbygning: De fire pejlemærker, Mod, Udvikling, Handlekraft og Fællesskab, hviler på medarbejdergrundlagets to ben: Social kapital og Samskabelse.",
            cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void CharterShapeMarksAPartInAnotherLanguage()
    {
        var cut = _context.Render<CharterShape>(p => p
            .Add(c => c.Bearings, [new("Mod", "/en/pejlemaerker/mod", "da"), new("Development", "/en/pejlemaerker/udvikling")])
            .Add(c => c.Legs, [new("Social kapital", "/en/medarbejdergrundlag#social-kapital", "da")]));

        var links = cut.FindAll("a");
        Assert.Equal(["da", null, "da"], links.Select(a => a.GetAttribute("lang")));
        Assert.Contains("De to pejlemærker, Mod og Development, hviler på medarbejdergrundlagets ene ben: Social kapital.", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void TheDiffViewMarksChangesInWordsAsWellAsColour()
    {
        var cut = _context.Render<RevisionDiffView>(p => p
            .Add(c => c.Lines, [new(DiffLineKind.Unchanged, "Titel: Mod"), new(DiffLineKind.Removed, "Gammel tekst"), new(DiffLineKind.Removed, "Mere tekst"), new(DiffLineKind.Added, "Ny tekst")])
            .Add(c => c.Label, "Forskelle mellem version 1 og 2"));

        cut.MarkupMatches("""
            <ol class="diff" aria-label="Forskelle mellem version 1 og 2">
                <li class="diff__line"><span class="diff__marker visually-hidden">Uændret:</span> Titel: Mod</li>
                <li class="diff__line diff__line--removed"><span class="diff__marker">Fjernet:</span> <del>Gammel tekst</del></li>
                <li class="diff__line diff__line--removed"><span class="diff__marker">Fjernet:</span> <del>Mere tekst</del></li>
                <li class="diff__line diff__line--added"><span class="diff__marker">Tilføjet:</span> <ins>Ny tekst</ins></li>
            </ol>
            """);
    }

    [Fact]
    public void TheDiffViewMarksTheWordsOfALineChangedInPlaceAndLeavesOutBlankLines()
    {
        // A comma added: one changed line with the comma marked, as on /aendringer; no empty "Tilføjet:" line.
        var cut = _context.Render<RevisionDiffView>(p => p
            .Add(c => c.Lines, [new(DiffLineKind.Removed, "Vi griber hinanden når"), new(DiffLineKind.Added, "Vi griber hinanden, når"), new(DiffLineKind.Added, "")]));

        cut.MarkupMatches("""
            <ol class="diff" aria-label="Forskelle">
                <li class="diff__line diff__line--changed"><span class="diff__marker">Ændret:</span> Vi griber hinanden<ins><span class="visually-hidden">Tilføjet: </span>,</ins> når</li>
            </ol>
            """);
    }

    [Fact]
    public void TheDiffViewSaysSoWhenNothingChanged()
    {
        var cut = _context.Render<RevisionDiffView>(p => p.Add(c => c.Lines, [new(DiffLineKind.Unchanged, "Titel: Mod")]));

        cut.MarkupMatches("""<p class="diff__none">Der er ingen forskel.</p>""");
    }

    [Fact]
    public void TheDiffViewHasADefaultLabelAndEncodesTheText()
    {
        var cut = _context.Render<RevisionDiffView>(p => p.Add(c => c.Lines, [new(DiffLineKind.Added, "<script>alert(1)</script>")]));

        Assert.Equal("Forskelle", cut.Find("ol").GetAttribute("aria-label"));
        Assert.Empty(cut.FindAll("script"));
        Assert.Equal("<script>alert(1)</script>", cut.Find("ins").TextContent);
    }

    [Fact]
    public void EveryPageRendersComponentsThroughStaticComponentOnly()
    {
        // The <component> tag helper and Html.RenderComponentAsync write later, on the dispatcher,
        // which fails inside the page cache's <cache>; StaticComponent says why it is the one way.
        var web = Path.Combine(RepositoryRoot(), "src", "Medarbejdergrundlag.Web");
        var offenders = Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file) is var text && (text.Contains("<component ", StringComparison.Ordinal) || text.Contains("RenderComponentAsync", StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(web, file))
            .ToList();

        Assert.True(offenders.Count == 0, "Render components with StaticComponent.RenderAsync in: " + string.Join(", ", offenders));
        Assert.Contains(Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories), file => File.ReadAllText(file).Contains("StaticComponent.RenderAsync<", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Medarbejdergrundlag.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Medarbejdergrundlag.sln) was not found above the test binaries.");
    }
}
