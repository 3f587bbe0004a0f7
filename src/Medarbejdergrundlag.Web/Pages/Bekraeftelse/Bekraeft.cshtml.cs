using System.Security.Claims;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Pages.Bekraeftelse;

/// <summary>"Jeg har læst og forstået medarbejdergrundlaget": the form on the charter and on the changes page posts here.</summary>
public sealed class BekraeftModel(CharterConfirmations confirmations, IOptions<ConfirmationOptions> options) : PageModel
{
    /// <summary>Nothing to show on its own: the charter is where one confirms.</summary>
    public IActionResult OnGet() => Redirect(PortalPaths.CharterConfirm);

    public async Task<IActionResult> OnPostAsync(string? version, CancellationToken cancellationToken)
    {
        var subject = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed in without a subject.");
        var forvaltning = options.Value.DepartmentClaim is { Length: > 0 } claim ? User.FindFirstValue(claim) : null;
        var outcome = await confirmations.ConfirmAsync(subject, version ?? "", forvaltning, cancellationToken);
        // Changed meanwhile: back to the charter, where the notice says what changed and the button asks again.
        _ = outcome;
        return Redirect(PortalPaths.CharterConfirm);
    }
}
