using Medarbejdergrundlag.Content.Markdown;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages;

/// <summary>
/// The editor guide where editors are (/admin/hjaelp): docs/redaktoervejledning.md, embedded in the
/// app at build and rendered by the portal's own Markdown renderer (raw HTML off, sanitized), so the
/// repository's file and the page can never say different things.
/// </summary>
public sealed class HjaelpModel(IMarkdownRenderer markdown) : PageModel
{
    private static string? s_html;

    public string Html { get; private set; } = "";

    public void OnGet() => Html = s_html ??= markdown.RenderBlock(Read(), "vejledning");

    private static string Read()
    {
        using var stream = typeof(HjaelpModel).Assembly.GetManifestResourceStream("redaktoervejledning.md")
            ?? throw new InvalidOperationException("The editor guide is not embedded in the app.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
