using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Markdown;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages;

/// <summary>
/// The live preview in the editor: the same renderer as the public site, so what the editor sees is
/// what employees get. POST with the antiforgery token in the RequestVerificationToken header.
/// </summary>
public sealed class MarkdownModel(IMarkdownRenderer markdown) : PageModel
{
    public IActionResult OnPost([FromForm] string? text)
    {
        if (text is { Length: > RevisionValidator.BodyMax })
        {
            return Content("<p>Teksten er for lang til at blive vist.</p>", "text/html; charset=utf-8");
        }

        return Content(markdown.RenderBlock(text ?? ""), "text/html; charset=utf-8");
    }
}
