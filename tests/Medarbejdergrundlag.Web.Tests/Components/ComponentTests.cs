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
    public void CharterShapeDrawsEveryBearingOnTheLegsAndDescribesThemInWords()
    {
        var cut = _context.Render<CharterShape>(p => p
            .Add(c => c.Bearings, ["Mod", "Udvikling", "Handlekraft", "Fællesskab"])
            .Add(c => c.Legs, ["Social kapital", "Samskabelse"]));

        var svg = cut.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("shape-title shape-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal(
            ["Mod", "Udvikling", "Handlekraft", "Fællesskab", "Sammen om udvikling", "Social kapital", "Samskabelse"],
            cut.FindAll("text").Select(t => t.TextContent));
        Assert.Equal(
            "De fire pejlemærker, Mod, Udvikling, Handlekraft og Fællesskab, hviler på medarbejdergrundlagets to ben: Social kapital og Samskabelse.",
            cut.Find("desc").TextContent);
    }

    [Fact]
    public void CharterShapeLaysOutTheBoxesFromTheCounts()
    {
        var cut = _context.Render<CharterShape>(p => p
            .Add(c => c.Bearings, ["Mod", "Udvikling"])
            .Add(c => c.Legs, ["Social kapital"]));

        // Two bearings share the 600-unit beam; one leg stands in the middle.
        cut.Find("svg").MarkupMatches("""
            <svg viewBox="0 0 640 300" role="img" aria-labelledby="shape-title shape-desc" focusable="false" xmlns="http://www.w3.org/2000/svg">
                <title id="shape-title">Medarbejdergrundlagets opbygning</title>
                <desc id="shape-desc">De to pejlemærker, Mod og Udvikling, hviler på medarbejdergrundlagets ene ben: Social kapital.</desc>
                <g>
                    <rect x="20" y="20" width="284" height="90" rx="10" fill="#00546a" />
                    <text x="162" y="72" text-anchor="middle" font-size="18" font-weight="bold" fill="#ffffff">Mod</text>
                </g>
                <g>
                    <rect x="320" y="20" width="284" height="90" rx="10" fill="#00546a" />
                    <text x="462" y="72" text-anchor="middle" font-size="18" font-weight="bold" fill="#ffffff">Udvikling</text>
                </g>
                <rect x="10" y="122" width="620" height="26" rx="4" fill="#2b2b2b" />
                <text x="320" y="141" text-anchor="middle" font-size="15" fill="#ffffff">Sammen om udvikling</text>
                <g>
                    <rect x="240" y="160" width="160" height="120" rx="6" fill="#e6eef0" stroke="#00546a" stroke-width="3" />
                    <text x="320" y="226" text-anchor="middle" font-size="19" font-weight="bold" fill="#00343f">Social kapital</text>
                </g>
            </svg>
            """);
    }

    [Fact]
    public void TheDiffViewMarksChangesInWordsAsWellAsColour()
    {
        var cut = _context.Render<RevisionDiffView>(p => p
            .Add(c => c.Lines, [new(DiffLineKind.Unchanged, "Titel: Mod"), new(DiffLineKind.Removed, "Gammel tekst"), new(DiffLineKind.Added, "Ny tekst")])
            .Add(c => c.Label, "Forskelle mellem version 1 og 2"));

        cut.MarkupMatches("""
            <ol class="diff" aria-label="Forskelle mellem version 1 og 2">
                <li class="diff__line"><span class="diff__marker visually-hidden">Uændret:</span> Titel: Mod</li>
                <li class="diff__line diff__line--removed"><span class="diff__marker">Fjernet:</span> <del>Gammel tekst</del></li>
                <li class="diff__line diff__line--added"><span class="diff__marker">Tilføjet:</span> <ins>Ny tekst</ins></li>
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
