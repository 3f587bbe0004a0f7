using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Components;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Components;

public sealed class ComponentTests
{
    [Fact]
    public async Task CopyLinkShowsTheLinkItselfAndKeepsTheButtonHiddenUntilScriptRevealsIt()
    {
        var document = await ComponentRendering.RenderAsync<CopyLink>(new()
        {
            [nameof(CopyLink.Url)] = "https://portal.example/medarbejdergrundlag#mod",
            [nameof(CopyLink.Label)] = "Mod",
        });

        var link = document.QuerySelector("a.copy-link__url")!;
        Assert.Equal("https://portal.example/medarbejdergrundlag#mod", link.GetAttribute("href"));
        Assert.Equal("https://portal.example/medarbejdergrundlag#mod", link.Text());
        var button = document.QuerySelector("button")!;
        Assert.True(button.HasAttribute("hidden"));
        Assert.Equal("button", button.GetAttribute("type"));
        Assert.Equal("https://portal.example/medarbejdergrundlag#mod", button.GetAttribute("data-copy-link"));
        Assert.Equal("Kopiér link til Mod", button.Text());
        Assert.Equal("polite", document.QuerySelector("[role=status]")?.GetAttribute("aria-live"));
    }

    [Fact]
    public async Task CopyLinkEncodesWhatItIsGiven()
    {
        var document = await ComponentRendering.RenderAsync<CopyLink>(new()
        {
            [nameof(CopyLink.Url)] = "https://portal.example/x\"><script>alert(1)</script>",
            [nameof(CopyLink.Label)] = "<b>Mod</b>",
        });

        Assert.Empty(document.QuerySelectorAll("script, b"));
        Assert.Contains("<b>Mod</b>", document.QuerySelector("button")!.Text());
    }

    [Fact]
    public async Task BearingCardLinksToTheBearingAndShowsItsHeadline()
    {
        var bearing = new PublishedItem(
            7, ContentKind.Bearing, "udvikling", 2, "Udvikling", "udvikling", "Lyst til <strong>udvikling</strong>", "", "", "", DateTime.UtcNow);

        var document = await ComponentRendering.RenderAsync<BearingCard>(new()
        {
            [nameof(BearingCard.Bearing)] = bearing,
            [nameof(BearingCard.Href)] = "/pejlemaerker/udvikling",
        });

        var heading = document.QuerySelector("h3")!;
        Assert.Equal("Udvikling", heading.Text());
        Assert.Equal("/pejlemaerker/udvikling", heading.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("udvikling", document.QuerySelector(".card__lead strong")?.Text());
        Assert.Equal(heading.Id, document.QuerySelector("article")?.GetAttribute("aria-labelledby"));
    }

    [Fact]
    public async Task BearingCardTakesTheHeadingLevelBelowTheHeadingItStandsUnder()
    {
        var bearing = new PublishedItem(
            7, ContentKind.Bearing, "mod", 2, "Mod", "mod", "Mod til at slippe kreativiteten løs", "", "", "", DateTime.UtcNow);

        var underH1 = await ComponentRendering.RenderAsync<BearingCard>(new()
        {
            [nameof(BearingCard.Bearing)] = bearing,
            [nameof(BearingCard.Href)] = "/pejlemaerker/mod",
            [nameof(BearingCard.HeadingLevel)] = 2,
        });

        Assert.Equal("Mod", underH1.QuerySelector("h2.card__title")?.Text());
        Assert.Null(underH1.QuerySelector("h3"));
    }

    [Fact]
    public async Task CharterShapeDrawsEveryBearingOnTheLegsAndDescribesThemInWords()
    {
        var document = await ComponentRendering.RenderAsync<CharterShape>(new()
        {
            [nameof(CharterShape.Bearings)] = new[] { "Mod", "Udvikling", "Handlekraft", "Fællesskab" },
            [nameof(CharterShape.Legs)] = new[] { "Social kapital", "Samskabelse" },
        });

        var svg = document.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        var texts = svg.QuerySelectorAll("text").Select(t => t.Text()).ToList();
        Assert.Equal(["Mod", "Udvikling", "Handlekraft", "Fællesskab", "Sammen om udvikling", "Social kapital", "Samskabelse"], texts);
        Assert.Equal(
            "De fire pejlemærker, Mod, Udvikling, Handlekraft og Fællesskab, hviler på medarbejdergrundlagets to ben: Social kapital og Samskabelse.",
            svg.QuerySelector("desc")!.Text());
        Assert.Equal("shape-title shape-desc", svg.GetAttribute("aria-labelledby"));
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
