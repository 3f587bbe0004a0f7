using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Markdown;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Medarbejdergrundlag.Web.Endpoints;

/// <summary>
/// The live preview in the editor: the same renderer as the public site, so what the editor sees is
/// what employees get. POST only, for editors (its group), with the antiforgery token in the
/// RequestVerificationToken header (admin.js sends it), checked by the antiforgery middleware.
/// </summary>
public static class MarkdownPreviewEndpoint
{
    public const string Path = "/admin" + LocalPath;

    internal const string LocalPath = "/markdown";

    public static ContentHttpResult RenderAsync([FromForm] string? text, IMarkdownRenderer markdown)
    {
        text ??= "";
        // Too long a text is refused with a sentence written by the same renderer, not markup of our own.
        var html = markdown.RenderBlock(text.Length > RevisionValidator.BodyMax ? "Teksten er for lang til at blive vist." : text);
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
