using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Konto;

/// <summary>
/// "Lav nyt kalenderlink": the reader's earlier calendar feed links stop working.
/// </summary>
public sealed class KalenderlinkModel(CalendarFeedLinks feeds) : PageModel
{
    public IActionResult OnGet() => Redirect(PortalPaths.Catalogue);

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        await feeds.RenewAsync(User);
        return LocalRedirect(LocalUrl.IsLocal(returnUrl) && returnUrl!.StartsWith(PortalPaths.Catalogue, StringComparison.Ordinal) ? returnUrl : PortalPaths.Catalogue);
    }
}
