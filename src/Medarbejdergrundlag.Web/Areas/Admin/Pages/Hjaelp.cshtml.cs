using Medarbejdergrundlag.Content.Markdown;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages;

/// <summary>
/// The editor guide where editors are (/admin/hjaelp): docs/redaktoervejledning.md, embedded in the
/// app at build and rendered by the portal's own Markdown renderer (raw HTML off, sanitized), so the
/// repository's file and the page can never say different things.
/// </summary>
public sealed partial class HjaelpModel(IMarkdownRenderer markdown) : PageModel
{
    private static string? s_html;

    public string Html { get; private set; } = "";

    /// <summary>The guide up to its first section: the title and the introduction.</summary>
    public string Intro => Html[..FirstSection];

    /// <summary>The guide's sections.</summary>
    public string Sections => Html[FirstSection..];

    /// <summary>The table of contents: every section's id and its heading's words.</summary>
    public IReadOnlyList<(string Id, string Title)> Contents =>
        [.. Section().Matches(Html).Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups["id"].Value), System.Net.WebUtility.HtmlDecode(Tag().Replace(m.Groups["title"].Value, ""))))];

    private int FirstSection => Html.IndexOf("<h2", StringComparison.Ordinal) is var at and >= 0 ? at : Html.Length;

    public void OnGet() => Html = s_html ??= markdown.RenderBlock(Read(), "vejledning");

    [System.Text.RegularExpressions.GeneratedRegex("<h2 id=\"(?<id>[^\"]+)\"[^>]*>(?<title>.*?)</h2>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex Section();

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tag();

    private static string Read()
    {
        using var stream = typeof(HjaelpModel).Assembly.GetManifestResourceStream("redaktoervejledning.md")
            ?? throw new InvalidOperationException("The editor guide is not embedded in the app.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
