using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Medarbejdergrundlag.Content.Markdown;

namespace Medarbejdergrundlag.Content.Tests.Markdown;

public sealed class MarkdownSafetyTests
{
    private static readonly string[] _allowedSchemes = ["http", "https", "mailto"];
    private static readonly string[] _dangerousSchemes = ["javascript:", "vbscript:", "data:", "file:"];

    private readonly MarkdigRenderer _renderer = new();

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](&#x6A;avascript:alert(1))")]
    [InlineData("[x](javascript&colon;alert(1))")]
    [InlineData("[x](<  javascript:alert(1)>)")]
    [InlineData("[x](  javascript:alert(1))")]
    [InlineData("[x](<java\tscript:alert(1)>)")]
    [InlineData("[x](java&#9;script:alert(1))")]
    [InlineData("[x](&#x20;javascript:alert(1))")]
    [InlineData("[x](java%73cript:alert(1))")]
    [InlineData("[x](%6A%61%76%61%73%63%72%69%70%74%3Aalert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](file:///etc/passwd)")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("[x]\n\n[x]: JAVASCRIPT:alert(1)")]
    // An empty scheme is not an allowed one (a mutant of the scheme check let it through).
    [InlineData("[x](:alert(1))")]
    public void ALinkWithADisallowedSchemeIsRemovedButItsTextKept(string markdown)
    {
        var html = _renderer.RenderBlock(markdown);

        var document = AssertSafe(html);
        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Contains("x", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ARemovedLinkKeepsItsFormattedText()
    {
        var html = _renderer.RenderBlock("Se [**vigtig** tekst](javascript:alert(1)) her");

        var document = AssertSafe(html);
        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Equal("vigtig", document.QuerySelector("p > strong")?.TextContent);
        Assert.Equal("Se vigtig tekst her", document.Body!.TextContent.Trim());
    }

    [Theory]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](data:image/svg+xml;base64,AAAA)")]
    [InlineData("![x](VBScript:msgbox(1))")]
    [InlineData("![x](&#106;avascript:alert(1))")]
    public void AnImageWithADisallowedSchemeIsReplacedByItsAltText(string markdown)
    {
        var html = _renderer.RenderBlock(markdown);

        var document = AssertSafe(html);
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Equal("x", document.Body!.TextContent.Trim());
    }

    [Theory]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    [InlineData("<JAVASCRIPT:alert(1)>", "JAVASCRIPT:alert(1)")]
    [InlineData("<data:text/html;base64,PHNjcmlwdD4=>", "data:text/html;base64,PHNjcmlwdD4=")]
    public void ADisallowedAutolinkIsReplacedByItsLiteralText(string markdown, string expectedText)
    {
        var html = _renderer.RenderBlock(markdown);

        var document = AssertSafe(html);
        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Equal(expectedText, document.Body!.TextContent.Trim());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script>")]
    [InlineData("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>")]
    [InlineData("<IMG SRC=x OnErRoR=alert(1)>", "<IMG SRC=x OnErRoR=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a href=\"javascript:alert(1)\">")]
    [InlineData("Tekst med <span onclick=\"alert(1)\">inline</span> html", "<span onclick=\"alert(1)\">")]
    [InlineData("<div>\n<script>alert(1)</script>\n</div>", "<script>")]
    public void RawHtmlIsEscapedAsText(string markdown, string expectedText)
    {
        var html = _renderer.RenderBlock(markdown);

        var document = AssertSafe(html);
        Assert.Empty(document.QuerySelectorAll("img, a, span, div"));
        Assert.Contains(expectedText, document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lyst til [x](javascript:alert(1))")]
    [InlineData("Lyst til <javascript:alert(1)>")]
    [InlineData("Lyst til ![x](data:image/svg+xml;base64,AAAA)")]
    [InlineData("Lyst til <script>alert(1)</script>")]
    public void InlineMarkdownFiltersUrlsTheSameWay(string markdown)
    {
        var html = _renderer.RenderInline(markdown);

        var document = AssertSafe(html);
        Assert.Empty(document.QuerySelectorAll("a, img"));
        Assert.StartsWith("Lyst til", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkTitleIsEscaped()
    {
        var html = _renderer.RenderBlock("[x](https://example.dk \"a\\\" onmouseover=\\\"alert(1)\")");

        var document = AssertSafe(html);
        Assert.Equal("https://example.dk", document.QuerySelector("a")?.GetAttribute("href"));
    }

    /// <summary>Parses the HTML and fails on scripts, event handlers or disallowed URL schemes.</summary>
    private static IDocument AssertSafe(string html)
    {
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, style"));

        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(
                    attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"Event handler attribute '{attribute.Name}' in: {html}");

                if (attribute.Name is "href" or "src")
                {
                    AssertUrlIsSafe(attribute.Value, html);
                }
            }
        }

        return document;
    }

    private static void AssertUrlIsSafe(string url, string html)
    {
        var trimmed = url.Trim().ToLowerInvariant();
        var scheme = Regex.Match(trimmed, "^([a-z][a-z0-9+.-]*):");
        Assert.True(
            !scheme.Success || _allowedSchemes.Contains(scheme.Groups[1].Value),
            $"Disallowed scheme in '{url}' in: {html}");

        // Also looks through percent-encoding and whitespace, which must not hide a scheme either.
        var normalized = Regex.Replace(Uri.UnescapeDataString(url), @"[\s\p{Cc}]", string.Empty)
            .ToLowerInvariant();
        foreach (var dangerous in _dangerousSchemes)
        {
            Assert.False(
                normalized.Contains(dangerous, StringComparison.Ordinal),
                $"'{dangerous}' inside URL '{url}' in: {html}");
        }
    }
}
