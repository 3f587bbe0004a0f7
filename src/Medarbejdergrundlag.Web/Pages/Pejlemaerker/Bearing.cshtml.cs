using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Mvc;
using Medarbejdergrundlag.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Pejlemaerker;

[WholePageCache]
public sealed class BearingModel(PublishedContentStore content) : PageModel
{
    public BearingView View { get; private set; } = default!;

    public PublishedSite Site { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var site = await content.GetAsync();
        if (site.FindBearing(slug) is not { } bearing)
        {
            // A renamed bearing keeps its old addresses: managers' links must never break.
            return site.BearingRedirect(slug) is { } current
                ? RedirectPermanent(PortalPaths.Bearing(current))
                : NotFound();
        }

        Site = site;
        View = BearingView.For(site, bearing.Id)!;
        return Page();
    }
}
