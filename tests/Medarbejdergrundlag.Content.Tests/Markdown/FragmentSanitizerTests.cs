using Markdig;
using Medarbejdergrundlag.Content.Markdown;

namespace Medarbejdergrundlag.Content.Tests.Markdown;

/// <summary>
/// HtmlSanitizer as the second line of defence: it passes what the Markdown pipeline makes
/// unchanged and drops whatever would get past the renderer's own checks.
/// </summary>
public sealed class FragmentSanitizerTests
{
    private const string Rich = """
        # Titel

        Et afsnit med *kursiv*, **fed**, `kode`, en [lenke](https://example.dk "titel"), <https://odense.dk>,
        en [mail](mailto:hr@odense.dk) og et billede ![alt](/billede.png).
        Linje  
        brudt.

        > Citat

        3. tre
        4. fire

        - punkt
        - punkt

        ```csharp
        var x = 1;
        ```

        ---

        | Navn | Antal |
        |:-----|------:|
        | Anna | 2 |
        """;

    [Fact]
    public void WhatTheMarkdownPipelineMakesPassesUnchanged()
    {
        var pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();
        var markdig = Markdig.Markdown.ToHtml(Rich, pipeline);

        // The one difference: the sanitizer writes inline styles without Markdig's closing semicolon.
        Assert.Equal(markdig.Replace(";\"", "\"", StringComparison.Ordinal), FragmentSanitizer.Sanitize(markdig));
        Assert.Contains("style=\"text-align: right;\"", markdig);
        Assert.Contains("class=\"language-csharp\"", markdig);
        Assert.Contains("<ol start=\"3\">", markdig);
    }

    [Theory]
    [InlineData("<p>a<script>alert(1)</script></p>", "<p>a</p>")]
    [InlineData("<p onclick=\"alert(1)\">a</p>", "<p>a</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">a</a>", "<a>a</a>")]
    [InlineData("<img src=\"x\" onerror=\"alert(1)\">", "<img src=\"x\" />")]
    [InlineData("<iframe src=\"https://example.dk\"></iframe><p>a</p>", "<p>a</p>")]
    [InlineData("<p style=\"background: url(javascript:alert(1)); text-align: left\">a</p>", "<p style=\"text-align: left\">a</p>")]
    [InlineData("<p class=\"button\">a</p><code class=\"language-cs\">b</code>", "<p>a</p><code class=\"language-cs\">b</code>")]
    [InlineData("<code class=\"button\">b</code><code class=\"language-cs button\">c</code>", "<code>b</code><code>c</code>")]
    [InlineData("<p class=\"language-cs\">a</p>", "<p>a</p>")]
    [InlineData("<form><input name=\"x\"></form><p>a</p>", "<p>a</p>")]
    [InlineData("<svg><a href=\"#\">x</a></svg>", "")]
    public void WhatThePipelineNeverMakesIsDropped(string html, string expected)
    {
        Assert.Equal(expected, FragmentSanitizer.Sanitize(html));
    }
}
