using Deque.AxeCore.Playwright;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Browser.Tests.Accessibility;

/// <summary>axe-core in Chromium: the WCAG 2.0 and 2.1 level A and AA rules, on every page, at desktop and phone width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task EveryPageHasNoWcag21AaViolations(int width)
    {
        var catalog = await fixture.CatalogAsync();
        var violations = new List<string>();
        var checkedPages = 0;

        // Signed in as an HR editor, who sees every page, public and admin; then the anonymous pages as a stranger.
        foreach (var (persona, pages) in new[] { ("hr-redaktoer", catalog.Pages), ((string?)null, catalog.AnonymousPages) })
        {
            await using var context = await fixture.NewContextAsync(width, persona);
            var page = await context.NewPageAsync();
            foreach (var portalPage in pages)
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                var response = await page.GotoAsync(portalPage.Path);
                Assert.True(portalPage.ExpectedStatus == response?.Status, $"{portalPage.Path} answered {response?.Status}, not {portalPage.ExpectedStatus}, at {page.Url}");
                var result = await page.RunAxe(Axe.WcagAa);
                output.WriteLine($"{portalPage.Path} ({persona ?? "anonym"}): {result.Violations.Length} violations, {started.ElapsedMilliseconds} ms");
                checkedPages++;
                violations.AddRange(result.Violations.Select(v =>
                    $"{portalPage.Path} ({persona ?? "anonym"}, {width}px): {v.Id} [{v.Impact}] {v.Help} at " +
                    string.Join(" | ", v.Nodes.Select(n => $"{n.Target} {n.Html}"))));
            }
        }

        output.WriteLine($"axe checked {checkedPages} page views at {width}px.");
        Assert.True(checkedPages >= 10, $"only {checkedPages} pages checked");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task AxeReportsAViolationPlantedInAPage()
    {
        // Proves the wiring: with the same options, a missing alt text and an unlabelled field are caught.
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("""
            () => {
                const main = document.querySelector("main");
                const img = document.createElement("img");
                img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
                main.append(img);
                main.append(document.createElement("input"));
            }
            """);

        var result = await page.RunAxe(Axe.WcagAa);

        var ids = result.Violations.Select(v => v.Id).ToList();
        Assert.Contains("image-alt", ids);
        Assert.Contains("label", ids);
    }
}
