using System.Text.Encodings.Web;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Infrastructure;
using Medarbejdergrundlag.Web.Pages.Bekraeftelse;

namespace Medarbejdergrundlag.Web.Insight;

/// <summary>
/// The search page's one per-reader part: where site.js reports a followed result and this reader's
/// antiforgery token to send with it. A slot, because a token belongs to one reader and the search
/// page is served whole from memory (<see cref="WholePageCache"/>); the token is remembered per
/// cookie and user (<see cref="FormTokens"/>), so it costs no encryption and no database query.
/// Hidden and without a form: nothing to see or fill in, and without script it is simply unused.
/// </summary>
public sealed class SearchClickSlot(FormTokens tokens, HtmlEncoder encoder) : IPageSlot
{
    public const string SlotName = "search-click";

    public string Name => SlotName;

    public ValueTask<string> RenderAsync(HttpContext context)
    {
        var token = tokens.For(context);
        return ValueTask.FromResult(
            $"<span hidden data-search-clicks data-action=\"{encoder.Encode(PortalPaths.SearchClick)}\" data-field=\"{encoder.Encode(token.FormFieldName)}\" data-token=\"{encoder.Encode(token.Value)}\"></span>");
    }
}
