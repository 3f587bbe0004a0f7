using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Pejlemaerker;

public sealed class BearingModel(PublishedContentStore content) : PageModel
{
    public PublishedItem Bearing { get; private set; } = default!;

    public PublishedItem? Previous { get; private set; }

    public PublishedItem? Next { get; private set; }

    /// <summary>1-based place among the bearings.</summary>
    public int Position { get; private set; }

    public int Count { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var site = await content.GetAsync();
        var bearing = site.FindBearing(slug);
        if (bearing is null)
        {
            // A renamed bearing keeps its old addresses: managers' links must never break.
            return site.BearingRedirect(slug) is { } current
                ? RedirectPermanent("/pejlemaerker/" + current)
                : NotFound();
        }

        var bearings = site.Bearings;
        var index = bearings.ToList().IndexOf(bearing);
        Bearing = bearing;
        Position = index + 1;
        Count = bearings.Count;
        Previous = index > 0 ? bearings[index - 1] : null;
        Next = index < bearings.Count - 1 ? bearings[index + 1] : null;
        return Page();
    }
}
