using AngleSharp.Html.Parser;
using Medarbejdergrundlag.Content.Markdown;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>What the checks rely on in the stored HTML: the decorative marker, and empty elements that stay empty.</summary>
public sealed class RenderedHtmlTests
{
    private static readonly MarkdigRenderer Renderer = new();

    [Theory]
    [InlineData("![dekorativ](/billeder/abc/pynt.png)")]
    [InlineData("![Decorative](/billeder/abc/pynt.png)")]
    public void ADecorativeImageHasAnEmptyAltAndThePresentationRole(string markdown)
    {
        var image = new HtmlParser().ParseDocument(Renderer.RenderBlock(markdown)).QuerySelector("img")!;

        Assert.Equal("", image.GetAttribute("alt"));
        Assert.Equal("presentation", image.GetAttribute("role"));
    }

    [Fact]
    public void AnEmptyAltIsNotDecorativeAndNoOtherRoleSurvivesTheSanitizer()
    {
        var image = new HtmlParser().ParseDocument(Renderer.RenderBlock("![](/billeder/abc/x.png)")).QuerySelector("img")!;

        Assert.Equal("", image.GetAttribute("alt"));
        Assert.False(image.HasAttribute("role"));
        Assert.Equal("<p>tekst</p>", FragmentSanitizer.Sanitize("<p role=\"presentation\">tekst</p>"));
        Assert.Equal("<img src=\"x.png\" />", FragmentSanitizer.Sanitize("<img src=\"x.png\" role=\"button\">"));
    }

    [Fact]
    public void AnEmptyHeadingOrLinkDoesNotSwallowTheTextAfterIt()
    {
        // Served as HTML, "<h2 />" opens a heading that the next paragraph would fall into.
        var html = Renderer.RenderBlock("##\n\nTekst efter.\n\n[](/pejlemaerker/mod) og mere tekst.");
        var document = new HtmlParser().ParseDocument(html);

        Assert.Equal("", document.QuerySelector("h2")!.TextContent);
        Assert.Equal("", document.QuerySelector("a")!.TextContent);
        Assert.Equal(["Tekst efter.", " og mere tekst."], document.QuerySelectorAll("p").Select(p => p.TextContent).Take(1).Append(document.QuerySelectorAll("p")[1].ChildNodes.Last().TextContent));
        Assert.Contains("<br />", Renderer.RenderBlock("a  \nb"), StringComparison.Ordinal);
    }
}
