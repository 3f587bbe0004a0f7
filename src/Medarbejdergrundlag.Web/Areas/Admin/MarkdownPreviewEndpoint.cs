using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Markdown;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Antiforgery;

namespace Medarbejdergrundlag.Web.Areas.Admin;

/// <summary>
/// The live preview in the editor: the same renderer as the public site, so what the editor sees is
/// what employees get. POST only, for editors, with the antiforgery token in the
/// RequestVerificationToken header (admin.js sends it).
/// </summary>
public static class MarkdownPreviewEndpoint
{
    public const string Path = "/admin/markdown";

    public static IEndpointRouteBuilder MapMarkdownPreview(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, RenderAsync).RequireAuthorization(PortalRoles.EditorPolicy).RequireRateLimiting(AdminConcurrency.Policy).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> RenderAsync(HttpContext http, IAntiforgery antiforgery, IMarkdownRenderer markdown)
    {
        // Checked here rather than by the antiforgery middleware, which the Razor Pages do without.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var text = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync())["text"].ToString() : "";
        var html = text.Length > RevisionValidator.BodyMax
            ? "<p>Teksten er for lang til at blive vist.</p>"
            : markdown.RenderBlock(text);
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
