using System.Security.Claims;
using Medarbejdergrundlag.Content.Confirmations;
using Microsoft.AspNetCore.Mvc;

namespace Medarbejdergrundlag.Web.Pages.Bekraeftelse;

/// <summary>Where on the charter page the reader's status is shown: the notice at the top, the button at the end.</summary>
public enum ReaderStatusPlace
{
    Top,
    End,
}

public sealed record ReaderStatusView(ReaderStatusPlace Place, ReaderStatus Status);

/// <summary>
/// The one per-reader part of the charter page: whether and when this reader confirmed, the notice
/// of material changes since, and the confirm button. It is rendered for every request, outside
/// the page's shared cache, so the page stays cached for everyone and no reader sees another's
/// status. It costs one indexed query per request (<see cref="CharterConfirmations.StatusAsync"/>),
/// made once however often the page places the component.
/// </summary>
public sealed class ReaderStatusViewComponent(CharterConfirmations confirmations) : ViewComponent
{
    private const string ItemKey = nameof(ReaderStatusViewComponent);

    public async Task<IViewComponentResult> InvokeAsync(ReaderStatusPlace place)
    {
        if (HttpContext.Items[ItemKey] is not ReaderStatus status)
        {
            var subject = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
            if (subject is null)
            {
                return Content("");
            }

            status = await confirmations.StatusAsync(subject, HttpContext.RequestAborted);
            HttpContext.Items[ItemKey] = status;
        }

        return View("~/Pages/Bekraeftelse/_ReaderStatus.cshtml", new ReaderStatusView(place, status));
    }
}
