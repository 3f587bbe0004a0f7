using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

public sealed class KursusModel(PublishedContentStore content, TimeProvider clock) : PageModel
{
    public CourseView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var site = await content.GetAsync();
        if (site.FindCourse(slug) is not { } course)
        {
            // A renamed course keeps its old addresses.
            return site.CourseRedirect(slug) is { } current ? RedirectPermanent(PortalPaths.Course(current)) : NotFound();
        }

        View = CourseView.For(site, course, clock.GetUtcNow().UtcDateTime);
        return Page();
    }
}
