using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Browser.Tests.Screenshots;

/// <summary>
/// Key pages at desktop and phone width, saved as PNG files for people to look at, and checked
/// for sideways scrolling (WCAG 1.4.10 Reflow) while at it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly (string Name, string Path, string? Persona)[] KeyPages =
    [
        ("forside", "/", "medarbejder"),
        ("medarbejdergrundlag", "/medarbejdergrundlag", "medarbejder"),
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
                await page.GotoAsync(path);
                var file = Artifacts.PathFor($"{name}-{width}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });

                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"{path} is {scrollWidth}px wide at a {width}px viewport: it scrolls sideways.");
                var (pngWidth, pngHeight) = PngSize(file);
                Assert.Equal(width, pngWidth);
                Assert.True(pngHeight >= 300, $"{file} is only {pngHeight}px high");
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

    /// <summary>Width and height from the PNG header, which also proves the file is a PNG.</summary>
    private static (int Width, int Height) PngSize(string file)
    {
        var header = new byte[24];
        using (var stream = File.OpenRead(file))
        {
            stream.ReadExactly(header);
        }

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], header[..4]);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)),
                System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
