using Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Konto;

/// <summary>
/// "Lav nyt kalenderlink": the reader's earlier calendar feed links stop working. The /Konto folder
/// is open to anonymous readers (it holds the sign-in page), so this checks itself.
/// </summary>
public sealed class KalenderlinkModel(CalendarFeedLinks feeds) : PageModel
{
    public IActionResult OnGet() => Redirect("/phoenix/forloeb");

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        await feeds.RenewAsync(User);
        return LocalRedirect(LocalUrl.IsLocal(returnUrl) && returnUrl!.StartsWith("/phoenix/forloeb", StringComparison.Ordinal) ? returnUrl : "/phoenix/forloeb");
    }
}
