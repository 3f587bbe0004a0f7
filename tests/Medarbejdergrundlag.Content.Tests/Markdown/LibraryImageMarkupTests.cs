using Medarbejdergrundlag.Content.Images;
using Medarbejdergrundlag.Content.Markdown;

namespace Medarbejdergrundlag.Content.Tests.Markdown;

/// <summary>
/// The markup of a library image, byte for byte: what the renderer writes for one, and that the
/// sanitizer keeps its attributes exactly where the renderer writes them and nowhere else.
/// </summary>
public sealed class LibraryImageMarkupTests
{
    private const string Photo = "0123456789abcdef0123456789abcdef";
    private const string Ornament = "fedcba9876543210fedcba9876543210";
    private const string Sizes = MarkdigRenderer.ImageSizesAttribute;

    private readonly MarkdigRenderer _renderer = new();

    [Fact]
    public void ALibraryImageBecomesAPictureWithItsSizesAndOnlyTheFirstIsEager()
    {
        // Renditions in no particular order; the original is 1600x1200, the largest rendition 960 wide.
        var images = new Dictionary<string, ImageSizes>
        {
            [Photo] = new(Photo, 1600, 1200, [(960, "jpg"), (480, "webp"), (480, "jpg"), (960, "webp")]),
            [Ornament] = new(Ornament, 300, 200, [(300, "png")]),
        };

        var html = _renderer.RenderBlock($"![Kollegaer  i *kantinen*](/billeder/{Photo})\n\n![dekorativ](/billeder/{Ornament})", null, images);

        Assert.Equal(
            $"<p><picture><source type=\"image/webp\" srcset=\"/billeder/{Photo}/480.webp 480w, /billeder/{Photo}/960.webp 960w\" sizes=\"{Sizes}\" />"
            + $"<img src=\"/billeder/{Photo}/960.jpg\" srcset=\"/billeder/{Photo}/480.jpg 480w, /billeder/{Photo}/960.jpg 960w\" sizes=\"{Sizes}\" width=\"960\" height=\"720\" alt=\"Kollegaer i kantinen\" /></picture></p>\n"
            + $"<p><picture><img src=\"/billeder/{Ornament}/300.png\" srcset=\"/billeder/{Ornament}/300.png 300w\" sizes=\"{Sizes}\" width=\"300\" height=\"200\" alt=\"\" role=\"presentation\" loading=\"lazy\" /></picture></p>\n",
            html);
    }

    [Theory]
    // Outside a picture an img keeps no sizes (loading="lazy" is harmless anywhere).
    [InlineData(
        "<p><img src=\"/billeder/" + Photo + "/960.jpg\" srcset=\"/billeder/" + Photo + "/480.jpg 480w\" sizes=\"" + Sizes + "\" width=\"960\" height=\"720\" alt=\"x\" loading=\"lazy\" /></p>",
        "<p><img src=\"/billeder/" + Photo + "/960.jpg\" alt=\"x\" loading=\"lazy\" /></p>")]
    // Nor does a source.
    [InlineData(
        "<p><source type=\"image/webp\" srcset=\"/billeder/" + Photo + "/480.webp 480w\" sizes=\"" + Sizes + "\" /></p>",
        "<p><source /></p>")]
    // One candidate that is not a library address costs the whole srcset.
    [InlineData(
        "<picture><img src=\"/billeder/" + Photo + "/960.jpg\" srcset=\"/billeder/" + Photo + "/480.jpg 480w, https://evil.example/x.jpg 960w\" alt=\"x\" /></picture>",
        "<picture><img src=\"/billeder/" + Photo + "/960.jpg\" alt=\"x\" /></picture>")]
    // A picture's img without the optional attributes passes as it is.
    [InlineData(
        "<picture><img src=\"/billeder/" + Photo + "\" alt=\"x\" /></picture>",
        "<picture><img src=\"/billeder/" + Photo + "\" alt=\"x\" /></picture>")]
    // Inside a picture, only the renderer's values: its sizes, whole widths and heights, lazy, WebP.
    [InlineData(
        "<picture><source type=\"image/png\" srcset=\"/billeder/" + Photo + "/480.webp 480w\" sizes=\"100vw\" /><img src=\"/billeder/" + Photo + "/960.jpg\" width=\"-1\" height=\"7.5\" loading=\"eager\" alt=\"x\" /></picture>",
        "<picture><source srcset=\"/billeder/" + Photo + "/480.webp 480w\" /><img src=\"/billeder/" + Photo + "/960.jpg\" alt=\"x\" /></picture>")]
    // On any other element they all go.
    [InlineData("<p width=\"5\" height=\"5\" sizes=\"100vw\" type=\"text/html\" loading=\"lazy\">a</p>", "<p>a</p>")]
    public void TheSanitizerKeepsImageAttributesOnlyWhereTheRendererWritesThem(string html, string expected)
    {
        Assert.Equal(expected, FragmentSanitizer.Sanitize(html));
    }

    [Theory]
    // The decorative role stays on an image, and only that role, only there.
    [InlineData("<img src=\"/x.png\" alt=\"\" role=\"presentation\" />", "<img src=\"/x.png\" alt=\"\" role=\"presentation\" />")]
    [InlineData("<p role=\"presentation\">a</p><img src=\"/x.png\" alt=\"x\" role=\"button\" />", "<p>a</p><img src=\"/x.png\" alt=\"x\" />")]
    public void TheSanitizerKeepsARoleOnlyOnADecorativeImage(string html, string expected)
    {
        Assert.Equal(expected, FragmentSanitizer.Sanitize(html));
    }

    [Theory]
    // Every heading level passes.
    [InlineData("<h2>a</h2><h3>b</h3><h4>c</h4><h5>d</h5><h6>e</h6>", "<h2>a</h2><h3>b</h3><h4>c</h4><h5>d</h5><h6>e</h6>")]
    // An empty element keeps its closing tag: served as HTML, "<h2 />" would swallow what follows.
    [InlineData("<p></p><h2 id=\"afsnit-a\"></h2><a href=\"/x\"></a>", "<p></p><h2 id=\"afsnit-a\"></h2><a href=\"/x\"></a>")]
    // An image's src is checked for its scheme like a link's href.
    [InlineData("<img src=\"javascript:alert(1)\" alt=\"x\" />", "<img alt=\"x\" />")]
    public void TheSanitizerWritesWhatItKeepsAsHtml(string html, string expected)
    {
        Assert.Equal(expected, FragmentSanitizer.Sanitize(html));
    }
}
