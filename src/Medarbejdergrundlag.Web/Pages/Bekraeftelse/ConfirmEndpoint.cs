using System.Security.Claims;
using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Pages.Bekraeftelse;

/// <summary>
/// "Jeg har læst og forstået medarbejdergrundlaget": the form on the charter and on the changes
/// page posts here. An endpoint, not a page: it has nothing to show, only a redirect back. Under
/// /en the request is English, so it confirms the English pages' version (each translation counts
/// for the Danish revision it was made from) and leads back to the English charter.
/// </summary>
public static class ConfirmEndpoint
{
    public static IEndpointRouteBuilder MapConfirm(this IEndpointRouteBuilder endpoints)
    {
        // In both languages: the English one confirms the English pages' version and leads back to them.
        foreach (var language in new[] { PortalCulture.DanishCode, PortalCulture.EnglishCode })
        {
            endpoints.MapPost(PortalCulture.In(language, () => PortalPaths.Confirm), ConfirmAsync);
        }

        return endpoints;
    }

    private static async Task<IResult> ConfirmAsync(
        HttpContext http, IAntiforgery antiforgery, CharterConfirmations confirmations, IOptions<ConfirmationOptions> options, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http) || !http.Request.HasFormContentType)
        {
            return Results.BadRequest();
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var user = http.User;
        var subject = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed in without a subject.");
        var forvaltning = options.Value.DepartmentClaim is { Length: > 0 } claim ? user.FindFirstValue(claim) : null;

        // Whatever the outcome (confirmed, already confirmed, or a material change published while
        // they read), the charter shows where the reader stands now: its notice names any change.
        await confirmations.ConfirmAsync(subject, form["version"].ToString(), forvaltning, cancellationToken);
        ReaderStatusPart.MarkFresh(http);
        return Results.Redirect(PortalPaths.CharterConfirm);
    }
}
