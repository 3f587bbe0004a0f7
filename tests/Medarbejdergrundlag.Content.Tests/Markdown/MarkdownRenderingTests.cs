using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Medarbejdergrundlag.Content.Markdown;

namespace Medarbejdergrundlag.Content.Tests.Markdown;

public sealed class MarkdownRenderingTests
{
    private readonly MarkdigRenderer _renderer = new();

    [Theory]
    [InlineData("[Se mere](https://example.dk/side?a=1)", "https://example.dk/side?a=1")]
    [InlineData("[Se mere](http://example.dk)", "http://example.dk")]
    [InlineData("[Se mere](HTTPS://example.dk)", "HTTPS://example.dk")]
    [InlineData("[Se mere](mailto:hr@example.dk)", "mailto:hr@example.dk")]
    [InlineData("[Se mere](/pejlemaerker/mod)", "/pejlemaerker/mod")]
    [InlineData("[Se mere](#mod)", "#mod")]
    [InlineData("[Se mere](mod/detaljer)", "mod/detaljer")]
    [InlineData("[Se mere](/sider/a:b)", "/sider/a:b")]
    [InlineData("[Se mere](//example.dk/side)", "//example.dk/side")]
    [InlineData("[Se mere][ref]\n\n[ref]: https://example.dk/ref", "https://example.dk/ref")]
    public void AnAllowedLinkKeepsItsHref(string markdown, string expectedHref)
    {
        var document = Parse(_renderer.RenderBlock(markdown));

        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal(expectedHref, link.GetAttribute("href"));
        Assert.Equal("Se mere", link.TextContent);
    }

    [Theory]
    [InlineData("<https://example.dk>", "https://example.dk")]
    [InlineData("<hr@example.dk>", "mailto:hr@example.dk")]
    public void AnAllowedAutolinkIsKept(string markdown, string expectedHref)
    {
        var document = Parse(_renderer.RenderBlock(markdown));

        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal(expectedHref, link.GetAttribute("href"));
    }

    [Fact]
    public void AnImageWithAnHttpsSourceIsKept()
    {
        var document = Parse(_renderer.RenderBlock("![Kollegaer i kantinen](https://example.dk/billede.jpg)"));

        var image = Assert.Single(document.QuerySelectorAll("img"));
        Assert.Equal("https://example.dk/billede.jpg", image.GetAttribute("src"));
        Assert.Equal("Kollegaer i kantinen", image.GetAttribute("alt"));
    }

    [Fact]
    public void CommonMarkBlocksRenderAsHtml()
    {
        var document = Parse(_renderer.RenderBlock("# Titel\n\nEn *tekst*.\n\n- a\n- b\n\n1. c"));

        Assert.Equal("Titel", document.QuerySelector("h1")?.TextContent);
        Assert.Equal("tekst", document.QuerySelector("p > em")?.TextContent);
        Assert.Equal(2, document.QuerySelectorAll("ul > li").Length);
        Assert.Single(document.QuerySelectorAll("ol > li"));
    }

    [Fact]
    public void PipeTablesRenderAsTables()
    {
        var document = Parse(_renderer.RenderBlock("| Navn | Rolle |\n|---|---|\n| Anna | Leder |"));

        Assert.Equal(["Navn", "Rolle"], document.QuerySelectorAll("table thead th").Select(e => e.TextContent));
        Assert.Equal(["Anna", "Leder"], document.QuerySelectorAll("table tbody td").Select(e => e.TextContent));
    }

    [Fact]
    public void AHeadingGetsAnIdFromItsSlug()
    {
        var document = Parse(_renderer.RenderBlock("## Fællesskab"));

        Assert.Equal("afsnit-faellesskab", document.QuerySelector("h2")?.Id);
    }

    [Fact]
    public void AFormattedHeadingsIdUsesItsPlainText()
    {
        var document = Parse(_renderer.RenderBlock("## Lyst til **udvikling** og `kode`"));

        Assert.Equal("afsnit-lyst-til-udvikling-og-kode", document.QuerySelector("h2")?.Id);
    }

    [Fact]
    public void HeadingIdsNeverTakeThePagesOwnAnchors()
    {
        // "## Mod" in a charter section must not become #mod (the bearing's section) nor #indhold (main).
        var document = Parse(_renderer.RenderBlock("## Mod\n\n## Indhold\n\n## Mod title", "kaere-medarbejder"));

        var ids = document.QuerySelectorAll("h2").Select(e => e.Id!).ToList();
        Assert.Equal(["afsnit-kaere-medarbejder-mod", "afsnit-kaere-medarbejder-indhold", "afsnit-kaere-medarbejder-mod-title"], ids);
    }

    [Fact]
    public void TheSameHeadingInTwoItemsGetsTwoIds()
    {
        var first = Parse(_renderer.RenderBlock("## Sammen", "mod")).QuerySelector("h2")!.Id;
        var second = Parse(_renderer.RenderBlock("## Sammen", "udvikling")).QuerySelector("h2")!.Id;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void DuplicateHeadingIdsGetASuffix()
    {
        var document = Parse(_renderer.RenderBlock("## Fællesskab\n\n### Fællesskab\n\n## Fællesskab"));

        Assert.Equal(
            ["afsnit-faellesskab", "afsnit-faellesskab-2", "afsnit-faellesskab-3"],
            document.QuerySelectorAll("h2, h3").Select(e => e.Id));
    }

    [Fact]
    public void HeadingIdsStayUniqueWhenATextCollidesWithASuffix()
    {
        var document = Parse(_renderer.RenderBlock("## Mod\n\n## Mod\n\n## Mod 2"));

        var ids = document.QuerySelectorAll("h2").Select(e => e.Id).ToList();
        Assert.Equal(3, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["afsnit-mod", "afsnit-mod-2"], ids.Take(2));
    }

    [Fact]
    public void AHeadingWithoutSluggableTextGetsANonEmptyId()
    {
        var document = Parse(_renderer.RenderBlock("## ???"));

        Assert.False(string.IsNullOrEmpty(document.QuerySelector("h2")?.Id));
    }

    [Fact]
    public void TheSameMarkdownAlwaysRendersTheSameHtml()
    {
        const string markdown = "# Phønix forløb\n\n## Fællesskab\n\n## Fællesskab\n\nSe [mere](/mod).";
        var other = new MarkdigRenderer();

        var first = _renderer.RenderBlock(markdown);
        var second = _renderer.RenderBlock(markdown);
        var third = other.RenderBlock(markdown);

        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.Contains("id=\"afsnit-phoenix-forloeb\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyConcurrentCallersEachGetTheirOwnDocument()
    {
        // One renderer serves every request. Each caller renders a different, long document with
        // repeated headings (ids numbered per document) and links (one unsafe): were any state of
        // a call shared between calls (the HtmlRenderer, its writer, the set of used heading ids),
        // documents would bleed into each other here and differ from the same text rendered alone.
        const int callers = 8;
        const int rounds = 40;
        var documents = Enumerable.Range(0, callers).Select(Document).ToArray();
        var expected = documents.Select(d => new MarkdigRenderer().RenderBlock(d)).ToArray();
        using var start = new Barrier(callers);

        var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return Enumerable.Range(0, rounds).Select(_ => _renderer.RenderBlock(documents[caller])).ToList();
            },
            TaskCreationOptions.LongRunning)));

        for (var caller = 0; caller < callers; caller++)
        {
            Assert.All(results[caller], html => Assert.Equal(expected[caller], html));
        }

        static string Document(int caller) => string.Concat(Enumerable.Range(0, 30).Select(i =>
            $"## Afsnit {caller}\n\nLæs [mere {caller}-{i}](/side/{caller}/{i}) og [ikke](javascript:alert({i})) om **emne {i}**.\n\n"));
    }

    [Fact]
    public void InlineMarkdownRendersEmphasisWithoutAParagraph()
    {
        Assert.Equal("Lyst til <strong>udvikling</strong>", _renderer.RenderInline("Lyst til **udvikling**"));
    }

    [Fact]
    public void InlineMarkdownKeepsAnAllowedLink()
    {
        var html = _renderer.RenderInline("Læs [mere](/pejlemaerker/mod)");

        Assert.Equal("Læs <a href=\"/pejlemaerker/mod\">mere</a>", html);
    }

    [Fact]
    public void InlineMarkdownEmitsNoBlockElementsForBlockSyntax()
    {
        var document = Parse(_renderer.RenderInline("# Overskrift"));

        Assert.Empty(document.QuerySelectorAll("p, h1, ul, li"));
        Assert.Equal("Overskrift", document.Body!.TextContent);
    }

    [Fact]
    public void InlineMarkdownEscapesRawHtml()
    {
        var html = _renderer.RenderInline("A <b>fed</b> & B");

        Assert.Equal("A &lt;b&gt;fed&lt;/b&gt; &amp; B", html);
    }

    [Theory]
    [InlineData("Lyst til **udvikling**", "Lyst til udvikling")]
    [InlineData("Se [mere](https://example.dk) *her*", "Se mere her")]
    [InlineData("# Titel\n\nFørste   linje\nanden linje\n\n- a\n- b", "Titel Første linje anden linje a b")]
    [InlineData("Kode: `var x = 1;` og ![alt tekst](https://example.dk/a.png)", "Kode: var x = 1; og alt tekst")]
    [InlineData("Brug &amp; og &copy;", "Brug & og ©")]
    [InlineData("[x](javascript:alert(1))", "x")]
    [InlineData("```\nvar x = 1;\n```\n\nSe <https://odense.dk>", "var x = 1; Se https://odense.dk")]
    [InlineData("", "")]
    public void PlainTextHasNoMarkupAndCollapsedWhitespace(string markdown, string expected)
    {
        Assert.Equal(expected, _renderer.ToPlainText(markdown));
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
