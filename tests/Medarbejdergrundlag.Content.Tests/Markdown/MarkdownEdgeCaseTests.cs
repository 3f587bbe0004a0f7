using Medarbejdergrundlag.Content.Markdown;

namespace Medarbejdergrundlag.Content.Tests.Markdown;

/// <summary>The renderer's edges, output asserted byte for byte.</summary>
public sealed class MarkdownEdgeCaseTests
{
    private readonly MarkdigRenderer _renderer = new();

    [Fact]
    public void DekorativOrDecorativeInEitherCaseMakesAnImageDecorative()
    {
        Assert.Equal(
            "<p><img src=\"/a.png\" role=\"presentation\" alt=\"\" /> <img src=\"/b.png\" role=\"presentation\" alt=\"\" /> <img src=\"/c.png\" alt=\"Pynt\" /></p>\n",
            _renderer.RenderBlock("![Dekorativ](/a.png) ![decorative](/b.png) ![Pynt](/c.png)"));
    }

    [Fact]
    public void AHeadingWithoutLettersGetsTheFallbackId()
    {
        Assert.Equal(
            "<h2 id=\"afsnit-overskrift\">???</h2>\n<h2 id=\"afsnit-overskrift-2\">???</h2>\n",
            _renderer.RenderBlock("## ???\n\n## ???"));
    }

    [Fact]
    public void InlineMarkdownJoinsItsBlocksWithOneSpace()
    {
        // The thematic break has no inline content: it adds neither text nor a second space.
        Assert.Equal("Første Anden", _renderer.RenderInline("Første\n\n---\n\nAnden"));
    }

    [Fact]
    public void ALinkWithAnEmptyAddressStaysALink()
    {
        Assert.Equal("<p><a href=\"\">tekst</a></p>\n", _renderer.RenderBlock("[tekst]()"));
    }

    [Fact]
    public void ThreeRoundsOfPercentEncodingAreDecodedAndAFourthIsRefused()
    {
        Assert.Equal("<p><a href=\"/x%252541\">a</a> b</p>\n", _renderer.RenderBlock("[a](/x%252541) [b](/x%25252541)"));
    }

    [Fact]
    public void TheSchemeIsJudgedWithoutWhitespaceAndControlCharacters()
    {
        // "ht tps:" and "ht\u0001tps:" are https once stripped (as "java\tscript:" is javascript), so the
        // renderer keeps the links; the sanitizer then drops an address it cannot read: no address is written.
        Assert.Equal("<p><a>a</a> <a>b</a></p>\n", _renderer.RenderBlock("[a](ht&#32;tps://example.dk) [b](ht&#1;tps://example.dk)"));
    }

    [Fact]
    public void AnHtml5EntityIsDecodedBeforeTheSchemeIsJudged()
    {
        // Markdig decodes "&amp;" itself; "&colon;" is left for the renderer, which must know HTML5 names.
        Assert.Equal("<p>x</p>\n", _renderer.RenderBlock("[x](javascript&amp;colon;alert(1))"));
    }
}
