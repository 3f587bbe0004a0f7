using Medarbejdergrundlag.Content.Approvals;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Web.Infrastructure;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;

/// <summary>
/// The edit page's approval and consultation forms (issue 27, <c>_Approval.cshtml</c>). The approver's
/// buttons check the Approver policy here, and <see cref="ApprovalDesk"/> refuses anyone's approval of
/// their own work, whatever the form says. Every answer goes back to the edit page.
/// </summary>
public sealed partial class RedigerModel
{
    /// <summary>Why the last approval or consultation form was refused, for the edit page's section.</summary>
    public const string ErrorKey = "ApprovalError";

    /// <summary>A new link's address, shown once on the edit page (the token is not stored).</summary>
    public const string NewLinkKey = "ConsultationUrl";

    public async Task<IActionResult> OnPostRequestApprovalAsync(int id, int revision, bool material, string? note, [FromServices] ApprovalDesk desk) =>
        Back(id, await desk.RequestAsync(id, revision, material, note, User.Editor()),
            "Ændringen er sendt til godkendelse. Den udgives først, når en godkender har godkendt netop denne version; gemmer du igen, skal den nye version sendes på ny.");

    public async Task<IActionResult> OnPostApproveAsync(int id, int requestId, bool publish, [FromServices] ApprovalDesk desk, [FromServices] IAuthorizationService authorization)
    {
        if (!(await authorization.AuthorizeAsync(User, PortalRoles.ApproverPolicy)).Succeeded)
        {
            return Forbid();
        }

        var result = await desk.ApproveAsync(requestId, User.Editor(), publish);
        return Back(id, result, publish
            ? "Godkendt og udgivet. Medarbejderne ser nu den nye version."
            : "Godkendt. Versionen kan nu udgives, i hånden eller planlagt.");
    }

    public async Task<IActionResult> OnPostReturnForChangesAsync(int id, int requestId, string? comment, [FromServices] ApprovalDesk desk, [FromServices] IAuthorizationService authorization)
    {
        if (!(await authorization.AuthorizeAsync(User, PortalRoles.ApproverPolicy)).Succeeded)
        {
            return Forbid();
        }

        return Back(id, await desk.ReturnAsync(requestId, User.Editor(), comment), "Ændringen er sendt tilbage til forfatteren med din kommentar.");
    }

    public async Task<IActionResult> OnPostCreateConsultationLinkAsync(int id, int revision, int? days, [FromServices] Consultations links, [FromServices] LinkBuilder linkBuilder)
    {
        var (result, token) = await links.CreateAsync(id, revision, days, User.Editor());
        if (token is not null)
        {
            TempData[NewLinkKey] = linkBuilder.Absolute(Request, "/hoering/" + token);
        }

        return Back(id, result, "Høringslinket er lavet. Kopiér det nu: det vises kun denne ene gang.");
    }

    public async Task<IActionResult> OnPostRevokeConsultationLinkAsync(int id, int linkId, [FromServices] Consultations links) =>
        Back(id, await links.RevokeAsync(id, linkId, User.Editor()), "Høringslinket er tilbagekaldt. Det virker ikke længere.");

    private IActionResult Back(int id, EditResult result, string success)
    {
        switch (result.Outcome)
        {
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Done:
                Message = success;
                break;
            case EditOutcome.Conflict:
                TempData[ErrorKey] = "En anden har ændret indholdet imens. Se siden igen, og prøv så igen.";
                break;
            case EditOutcome.Refused:
                // "Godkend og udgiv": approved, but a gate (the content checks, say) held the publish.
                Message = "Godkendt, men ikke udgivet. " + string.Join(" ", result.Errors.Values);
                break;
            default:
                TempData[ErrorKey] = string.Join(" ", result.Errors.Values);
                break;
        }

        return RedirectToPage(new { id });
    }
}
