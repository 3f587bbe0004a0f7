using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Browser.Tests.Screenshots;

/// <summary>
/// Key pages at desktop and phone width, saved as PNG files for people to look at, and checked
/// for sideways scrolling (WCAG 1.4.10 Reflow) while at it. Each file is read back: the whole
/// page, styled, and the page asked for (not the sign-in page in its place).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly (string Name, string Path, string? Persona)[] KeyPages =
    [
        ("forside", "/", "medarbejder"),
        ("medarbejdergrundlag", "/medarbejdergrundlag", "medarbejder"),
        ("en-medarbejdergrundlag", "/en/medarbejdergrundlag", "medarbejder"),
        ("pejlemaerker", "/pejlemaerker", "medarbejder"),
        ("pejlemaerke-mod", "/pejlemaerker/mod", "medarbejder"),
        ("phoenix", "/phoenix", "medarbejder"),
        ("phoenix-forloeb", "/phoenix/forloeb?maalgruppe=ledere", "medarbejder"),
        ("forloeb", "/phoenix/forloeb/" + TestCourses.LeaderCourseSlug, "medarbejder"),
        ("soeg", "/soeg?q=samskabelse", "medarbejder"),
        ("tilgaengelighed", "/tilgaengelighed", null),
        ("log-ind", "/konto/log-ind", null),
        ("admin", "/admin", "hr-redaktoer"),
        ("ikke-fundet", "/findes-ikke", "medarbejder"),
    ];

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task KeyPagesAreSavedAsScreenshotsAndNeverScrollSideways(int width)
    {
        var contexts = new Dictionary<string, IBrowserContext>();
        try
        {
            foreach (var (name, path, persona) in KeyPages)
            {
                var key = persona ?? "anonym";
                if (!contexts.TryGetValue(key, out var context))
                {
                    context = contexts[key] = await fixture.NewContextAsync(width, persona);
                }

                var page = await context.NewPageAsync();
                var response = await page.GotoAsync(path);
                // The page itself, not the sign-in page or an error in its place.
                Assert.Equal(name == "ikke-fundet" ? 404 : 200, response?.Status);
                Assert.EndsWith(path, page.Url, StringComparison.Ordinal);
                var file = Artifacts.PathFor($"{name}-{width}.png");
                var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });

                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                // Names the innermost, last element that reaches past the viewport, so a failure says where to look.
                var culprit = scrollWidth <= width ? "" : await page.EvaluateAsync<string>(
                    "w => { const e = [...document.querySelectorAll('body *')].filter(x => x.getBoundingClientRect().right > w + 1).pop(); return e ? e.outerHTML.slice(0, 160) : ''; }", width);
                Assert.True(scrollWidth <= width, $"{path} is {scrollWidth}px wide at a {width}px viewport: it scrolls sideways ({culprit}).");

                // The saved file, decoded by Chromium: the whole page (as high as the document), and
                // styled (the header in the brand colour, as site.css paints it: white when unstyled).
                var image = await ReadPngAsync(page, png);
                var pageHeight = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
                Assert.True(image.Width == width && image.Height == pageHeight, $"{file} is {image.Width}x{image.Height}px, the page {width}x{pageHeight}px");
                Assert.True(IsBrand(image.Header), $"{file}: the header is {image.Header}, not the brand colour {Brand}: is the page styled?");
                await page.CloseAsync();
            }
        }
        finally
        {
            foreach (var context in contexts.Values)
            {
                await context.DisposeAsync();
            }
        }

        output.WriteLine($"Screenshots: {Artifacts.Root}");
    }

    private const string Brand = "#00546a";

    // Settable properties: Playwright fills the result of EvaluateAsync through a parameterless constructor.
    private sealed class PngImage
    {
        public int Width { get; set; }

        public int Height { get; set; }

        public string Header { get; set; } = "";
    }

    /// <summary>Decodes the PNG in the browser (a real decoder, not ours): its size and the colour of a pixel in the header.</summary>
    private static Task<PngImage> ReadPngAsync(IPage page, byte[] png) =>
        page.EvaluateAsync<PngImage>("""
            async (data) => {
                const image = new Image();
                image.src = "data:image/png;base64," + data;
                await image.decode();
                const canvas = document.createElement("canvas");
                canvas.width = image.naturalWidth;
                canvas.height = image.naturalHeight;
                const context = canvas.getContext("2d");
                context.drawImage(image, 0, 0);
                const [r, g, b] = context.getImageData(2, 2, 1, 1).data;
                const header = "#" + [r, g, b].map(v => v.toString(16).padStart(2, "0")).join("");
                return { width: image.naturalWidth, height: image.naturalHeight, header };
            }
            """, Convert.ToBase64String(png));

    // Exact in practice; a step of colour management either way is not a different colour.
    private static bool IsBrand(string colour) =>
        colour.Length == 7 && Enumerable.Range(0, 3).All(i =>
            Math.Abs(Convert.ToInt32(colour.Substring(1 + 2 * i, 2), 16) - Convert.ToInt32(Brand.Substring(1 + 2 * i, 2), 16)) <= 2);
}
