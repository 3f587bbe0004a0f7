using Deque.AxeCore.Playwright;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Browser.Tests.Accessibility;

/// <summary>
/// axe-core and HTML_CodeSniffer in Chromium: the WCAG 2.0 and 2.1 level A and AA rules, on every
/// page, at desktop and phone width, in a Danish and in an English-preferring browser (which is
/// offered the English page, so that offer is checked too).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(1280, "da-DK")]
    [InlineData(375, "da-DK")]
    [InlineData(1280, "en-GB")]
    [InlineData(375, "en-GB")]
    public async Task EveryPageHasNoWcag21AaViolations(int width, string locale)
    {
        var catalog = await fixture.CatalogAsync();
        var violations = new List<string>();
        var checkedPages = 0;

        // Signed in as an HR editor, who sees every page, public and admin; then the anonymous pages as a stranger.
        foreach (var (persona, pages) in new[] { ("hr-redaktoer", catalog.Pages), ((string?)null, catalog.AnonymousPages) })
        {
            await using var context = await fixture.NewContextAsync(width, persona, locale: locale);
            var page = await context.NewPageAsync();
            foreach (var portalPage in pages)
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                var response = await page.GotoAsync(portalPage.Path);
                Assert.True(portalPage.ExpectedStatus == response?.Status, $"{portalPage.Path} answered {response?.Status}, not {portalPage.ExpectedStatus}, at {page.Url}");
                var where = $"{portalPage.Path} ({persona ?? "anonym"}, {width}px, {locale})";
                var result = await page.RunAxe(Axe.WcagAa);
                var sniffed = await HtmlCodeSniffer.ErrorsAsync(page);
                output.WriteLine($"{where}: axe {result.Violations.Length}, HTML_CodeSniffer {sniffed.Count}, {started.ElapsedMilliseconds} ms");
                checkedPages++;
                violations.AddRange(result.Violations.Select(v =>
                    $"{where}: axe {v.Id} [{v.Impact}] {v.Help} at " +
                    string.Join(" | ", v.Nodes.Select(n => $"{n.Target} {n.Html}"))));
                violations.AddRange(sniffed.Select(e => $"{where}: HTML_CodeSniffer {e}"));
            }
        }

        output.WriteLine($"axe and HTML_CodeSniffer checked {checkedPages} page views at {width}px ({locale}).");
        Assert.True(checkedPages >= 10, $"only {checkedPages} pages checked");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task HtmlCodeSnifferReportsTheOfferThatCouldNotBeRead()
    {
        // Proves the wiring: the English offer's button as it was (white on white) is an error.
        await using var context = await fixture.NewContextAsync(375, locale: "en-GB");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/pejlemaerker");
        await Assertions.Expect(page.Locator("[data-language-offer]")).ToBeVisibleAsync();
        Assert.Empty(await HtmlCodeSniffer.ErrorsAsync(page));

        await page.EvaluateAsync("() => document.querySelector('[data-language-offer] button').style.cssText = 'color:#fff;background:transparent;border-color:#fff'");

        var errors = await HtmlCodeSniffer.ErrorsAsync(page);
        Assert.Contains(errors, e => e.Contains("G18.Fail", StringComparison.Ordinal) && e.Contains("data-language-choice=\"da\"", StringComparison.Ordinal));
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
