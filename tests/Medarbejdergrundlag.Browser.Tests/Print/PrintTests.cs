using System.Text;
using System.Text.RegularExpressions;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Browser.Tests.Print;

/// <summary>The charter printed to PDF by Chromium: the whole text, and none of the portal around it.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PrintTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryStyleSheetClosesItsBlocksSoPrintRulesNeverSwallowScreenRules()
    {
        // An unclosed "@media print {" at the end of site.css once took every rule added after it
        // (the course pages' layout) off the screen without any error.
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/phoenix/forloeb/" + TestCourses.LeaderCourseSlug);

        var sheets = await page.EvaluateAsync<string[]>("() => [...document.styleSheets].map(s => s.href).filter(h => h)");
        Assert.NotEmpty(sheets);
        foreach (var href in sheets)
        {
            var css = await (await context.APIRequest.GetAsync(href)).TextAsync();
            var depth = 0;
            foreach (var c in CssComment().Replace(css, ""))
            {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                Assert.True(depth >= 0, $"{href} closes a block it never opened");
            }

            Assert.True(depth == 0, $"{href} leaves {depth} block(s) open at its end");
        }

        // And on screen the course's facts are laid out as the course styles say.
        Assert.Equal("grid", await page.Locator(".course-facts").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Equal("none", await page.Locator(".date-list").EvaluateAsync<string>("e => getComputedStyle(e).listStyleType"));
    }

    [Theory]
    [InlineData("/til-ledere/ark", "onboardingark.pdf")]
    [InlineData("/en/til-ledere/ark", "en-onboardingark.pdf")]
    public async Task TheOnboardingSheetWithRoomForNameDateAndNotesPrintsOnOneA4Page(string path, string file)
    {
        await using var context = await fixture.NewContextAsync(persona: "leder");
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        var pdfPath = Artifacts.PathFor(file);
        await page.PdfAsync(new PagePdfOptions { Path = pdfPath, Format = "A4", PreferCSSPageSize = true });
        output.WriteLine($"PDF: {pdfPath}");

        using var document = PdfDocument.Open(pdfPath);
        Assert.Equal(1, document.NumberOfPages);
        var text = PdfToText(pdfPath);
        Assert.Contains(path.StartsWith("/en", StringComparison.Ordinal) ? "Notes" : "Noter", text);
        Assert.Contains("Phønix", text);
        // The read-and-confirm code, with its words and address beside it (issue 31).
        // (Normalized: the PDF's text has ligatures, "conﬁrm".)
        Assert.Contains(path.StartsWith("/en", StringComparison.Ordinal) ? "Read and confirm" : "Læs og bekræft", Normalize(text));
        Assert.Contains(fixture.Server.Url(path.StartsWith("/en", StringComparison.Ordinal) ? "/en/medarbejdergrundlag#bekraeft" : "/medarbejdergrundlag#bekraeft"), Normalize(text).Replace(" ", "", StringComparison.Ordinal));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor(Path.ChangeExtension(file, ".png")), FullPage = true });
    }


    [Theory]
    [InlineData("/medarbejdergrundlag", "medarbejdergrundlag.pdf", "Spring til indhold", "Log ud", "Indhold", "Tilgængelighedserklæring")]
    [InlineData("/en/medarbejdergrundlag", "en-medarbejdergrundlag.pdf", "Skip to content", "Sign out", "Contents", "Accessibility statement")]
    public async Task PrintedCharterHasAllItsTextAndNoNavigation(string path, string file, string skipLink, string signOut, string contents, string statement)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        // What the portal wraps around the text, read on screen: none of it belongs on paper.
        var chrome = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll(".skip-link, .site-header a, .site-header button, .site-header__user, .toc h2, .copy-link__label, .copy-link button, .share, .site-footer p")]
                .map(e => e.textContent.replace(/\s+/g, " ").trim()).filter(t => t.length > 0)
            """);

        var pdfPath = Artifacts.PathFor(file);
        await page.PdfAsync(new PagePdfOptions { Path = pdfPath, Format = "A4", Margin = new() { Top = "2cm", Bottom = "2cm", Left = "2cm", Right = "2cm" } });
        output.WriteLine($"PDF: {pdfPath}");

        // The text a reader sees on screen, less the table of contents, the copy-link controls and
        // the reader's own confirmation status and button, which are tools for the screen. Read on
        // screen, so that print rules hiding too much fail here.
        await page.EvaluateAsync("() => document.querySelectorAll('main .toc, main .copy-link, main .share, main [data-per-reader]').forEach(e => e.remove())");
        var printedMain = Normalize(await page.Locator("main").InnerTextAsync());
        var pdfText = Normalize(PdfToText(pdfPath));

        // Every word of the page's main text, in order.
        var expectedWords = Words(printedMain);
        var pdfWords = Words(pdfText);
        Assert.True(expectedWords.Count > 900, $"the charter's main text has only {expectedWords.Count} words");
        var at = 0;
        for (var i = 0; i < expectedWords.Count; i++)
        {
            while (at < pdfWords.Count && pdfWords[at] != expectedWords[i])
            {
                at++;
            }

            Assert.True(at < pdfWords.Count, $"The PDF lacks \"{string.Join(' ', expectedWords.Skip(Math.Max(0, i - 5)).Take(12))}\" (word {i} of {expectedWords.Count}).");
            at++;
        }

        // Nothing else: the PDF has no more words than the main text.
        Assert.Equal(expectedWords.Count, pdfWords.Count);

        var chromeChecked = chrome.Select(Normalize).Where(t => !printedMain.Contains(t, StringComparison.Ordinal)).Distinct().ToList();
        Assert.Contains(skipLink, chromeChecked);
        Assert.Contains(signOut, chromeChecked);
        Assert.Contains(contents, chromeChecked);
        Assert.Contains(statement, chromeChecked);
        foreach (var text in chromeChecked)
        {
            Assert.DoesNotContain(text, pdfText);
        }
    }

    /// <summary>The PDF's text in content order, page by page, read by PdfPig (a NuGet package: nothing to install).</summary>
    private static string PdfToText(string pdfPath)
    {
        using var document = PdfDocument.Open(pdfPath);
        return string.Join("\n", document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page)));
    }

    /// <summary>Ligatures and typographic forms folded (NFKC), whitespace collapsed.</summary>
    private static string Normalize(string text) =>
        Whitespace().Replace(text.Normalize(NormalizationForm.FormKC).Replace("\u00AD", "", StringComparison.Ordinal), " ").Trim();

    private static List<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();
}
