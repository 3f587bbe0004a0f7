using System.Security.Claims;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Pages.Bekraeftelse;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Endpoints;

/// <summary>
/// "Jeg har læst og forstået medarbejdergrundlaget": the form on the charter and on the changes
/// page posts here. An endpoint, not a page: it has nothing to show, only a redirect back. Under
/// /en the request is English, so it confirms the English pages' version (each translation counts
/// for the Danish revision it was made from) and leads back to the English charter. The version
/// is bound from the form, so the antiforgery middleware refuses a post without a valid token
/// before this runs.
/// </summary>
public static class ConfirmEndpoint
{
    public static async Task<RedirectHttpResult> ConfirmAsync(
        [FromForm] string? version, HttpContext http, CharterConfirmations confirmations, IOptions<ConfirmationOptions> options, CancellationToken cancellationToken)
    {
        var user = http.User;
        var subject = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed in without a subject.");
        var forvaltning = options.Value.DepartmentClaim is { Length: > 0 } claim ? user.FindFirstValue(claim) : null;

        // Whatever the outcome (confirmed, already confirmed, or a material change published while
        // they read), the charter shows where the reader stands now: its notice names any change.
        await confirmations.ConfirmAsync(subject, version ?? "", forvaltning, cancellationToken);
        ReaderStatusPart.MarkFresh(http);
        return TypedResults.Redirect(PortalPaths.CharterConfirm);
    }
}
