using System.Net;
using System.Text.RegularExpressions;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>The editor guide inside the admin area, rendered from docs/redaktoervejledning.md.</summary>
public sealed partial class EditorGuideTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task TheGuideShowsEveryHeadingOfTheRepositorysGuideIncludingSchedulingAndReviews()
    {
        var editor = await portal.Factory.SignedInClientAsync("hr-redaktoer");
        var markdown = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "docs", "redaktoervejledning.md"));
        var expected = MarkdownHeading().Matches(markdown).Select(m => m.Groups[1].Value.Replace("**", "", StringComparison.Ordinal).Trim()).ToList();

        var document = await editor.GetDocumentAsync("/admin/hjaelp");

        var headings = document.QuerySelectorAll("main h1, main h2, main h3").Select(h => h.Text().Trim()).ToList();
        Assert.Equal(expected, headings);
        Assert.Contains("Planlæg udgivelse", headings);
        Assert.Contains("Ansvarlig og gennemgang", headings);
        Assert.Equal("Vejledning for redaktører", document.QuerySelector("main h1")!.Text());
    }

    [Fact]
    public async Task TheGuideOpensWithATableOfContentsThatLinksEverySection()
    {
        var editor = await portal.Factory.SignedInClientAsync("hr-redaktoer");
        var document = await editor.GetDocumentAsync("/admin/hjaelp");

        var sections = document.QuerySelectorAll("main h2").ToList();
        var links = document.QuerySelectorAll("main nav.guide-toc a").ToList();
        Assert.True(sections.Count >= 10, $"{sections.Count} sections");
        Assert.Equal(sections.Select(h => ("#" + h.Id, h.Text().Trim())), links.Select(a => (a.GetAttribute("href")!, a.Text().Trim())));

        // Before the first section, so an editor sees it without scrolling through the guide.
        var toc = document.QuerySelector("main nav.guide-toc")!;
        Assert.True(toc.CompareDocumentPosition(sections[0]).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Equal("Indhold", document.GetElementById(toc.GetAttribute("aria-labelledby")!)!.Text());
    }

    [Fact]
    public async Task EmployeesMayNotReadTheGuide()
    {
        var response = await portal.Employee.GetAsync("/admin/hjaelp");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task EveryAdminPageLinksTheGuideAndNoPublicPageDoes()
    {
        var editor = await portal.Factory.SignedInClientAsync("hr-redaktoer");

        foreach (var path in AdminEndpoints.Pages(portal.Factory))
        {
            var response = await editor.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
            var document = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(document.QuerySelector("a[href='/admin/hjaelp']") is not null, $"{path} does not link the guide");
        }

        Assert.Null((await editor.GetDocumentAsync("/pejlemaerker/mod")).QuerySelector("a[href='/admin/hjaelp']"));
    }

    [GeneratedRegex(@"^#{1,3} (.+)$", RegexOptions.Multiline)]
    private static partial Regex MarkdownHeading();
}
