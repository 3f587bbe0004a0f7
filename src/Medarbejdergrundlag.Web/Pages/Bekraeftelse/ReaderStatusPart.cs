using System.Security.Claims;
using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Web.Infrastructure;

namespace Medarbejdergrundlag.Web.Pages.Bekraeftelse;

/// <summary>Where on the charter page the reader's status goes: the notice at the top, the button at the end.</summary>
public enum ReaderStatusPlace
{
    Top,
    End,
}

/// <summary>
/// The one per-reader part of the charter page: whether and when this reader confirmed, the notice
/// of material changes since, and the confirm button. It is written for every request, outside the
/// page's shared cache, so the page stays cached for everyone and no reader sees another's status.
/// The markup is <see cref="ReaderStatusView"/>; this finds its model. The status comes from the
/// instance's memory (<see cref="ReaderStatuses"/>), read once per request however often the page
/// places it.
/// </summary>
public static class ReaderStatusPart
{
    /// <summary>
    /// Set for a minute by confirming or withdrawing: this browser's next pages read the reader's
    /// status from the database, whichever instance serves them, never from an instance's memory.
    /// It holds nothing but "1".
    /// </summary>
    public const string FreshCookie = "mg.confirmed";

    private const string ItemKey = nameof(ReaderStatusPart);

    public static void MarkFresh(HttpContext http) =>
        http.Response.Cookies.Append(FreshCookie, "1", new CookieOptions
        {
            MaxAge = ReaderStatuses.MemoryLifetime,
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
        });

    public static async Task<string> RenderAsync(HttpContext http, ReaderStatusPlace place)
    {
        if (http.Items[ItemKey] is not ReaderStatus status)
        {
            if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } subject)
            {
                return "";
            }

            status = await http.RequestServices.GetRequiredService<ReaderStatuses>()
                .StatusAsync(subject, http.Request.Cookies.ContainsKey(FreshCookie), http.RequestAborted);
            http.Items[ItemKey] = status;
        }

        var showsForm = place == ReaderStatusPlace.End && !(status.HasConfirmed && !status.MustConfirmAgain);
        var token = showsForm ? http.RequestServices.GetRequiredService<FormTokens>().For(http) : null;
        // Rendered once per status and language; the reader's own token goes in per request.
        return await http.RequestServices.GetRequiredService<SlotMarkup>().RenderAsync<ReaderStatusView>(http,
            ModelKey(status, place, token),
            () => new()
            {
                [nameof(ReaderStatusView.Status)] = status,
                [nameof(ReaderStatusView.Place)] = place,
                [nameof(ReaderStatusView.Token)] = token is null ? null : token with { Value = SlotMarkup.Marker },
            },
            token?.Value);
    }

    /// <summary>Everything of the status that <see cref="ReaderStatusView"/> shows: readers who confirmed on the same day share one rendering.</summary>
    private static string ModelKey(ReaderStatus status, ReaderStatusPlace place, FormToken? token) =>
        string.Join('\u001f',
            place, token?.FormFieldName, status.CurrentVersion, status.HasConfirmed, status.MustConfirmAgain,
            status.ConfirmedAt?.ToCopenhagen().Date.Ticks, status.LatestMaterialChangeAt?.ToCopenhagen().Date.Ticks,
            string.Join('\u001e', status.MaterialChanges.Select(c => c.Title)),
            string.Join('\u001e', status.AwaitingTranslation.Select(c => c.Title)));
}
