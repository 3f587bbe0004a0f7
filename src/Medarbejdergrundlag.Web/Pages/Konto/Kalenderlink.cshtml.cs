using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Konto;

/// <summary>
/// "Lav nyt kalenderlink": the reader's earlier calendar feed links, and their change log feed links, stop working. Confirmed on this
/// page of its own, so the catalogue carries no form token and is cached whole (WholePageCache).
/// </summary>
public sealed class KalenderlinkModel(CalendarFeedLinks feeds) : PageModel
{
    public const string Path = "/konto/kalenderlink";

    /// <summary>This page, coming from <paramref name="returnUrl"/> (a catalogue address).</summary>
    public static string For(string returnUrl) => $"{Path}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Where the reader goes back to: the catalogue address they came from, or the catalogue.</summary>
    public string ReturnUrl { get; private set; } = PortalPaths.Catalogue;

    public void OnGet(string? returnUrl) => ReturnUrl = Back(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        await feeds.RenewAsync(User);
        return LocalRedirect(Back(returnUrl));
    }

    private static string Back(string? returnUrl) =>
        LocalUrl.IsLocal(returnUrl) && FeedPages.Any(page => returnUrl!.StartsWith(page, StringComparison.Ordinal)) ? returnUrl! : PortalPaths.Catalogue;

    /// <summary>The pages that offer a reader's feed links (the catalogue's calendar, the change log's Atom feed), in both languages.</summary>
    private static readonly string[] FeedPages =
    [
        .. new[] { Medarbejdergrundlag.Content.PortalCulture.DanishCode, Medarbejdergrundlag.Content.PortalCulture.EnglishCode }
            .SelectMany(language => Medarbejdergrundlag.Content.PortalCulture.In(language, () => new[] { PortalPaths.Catalogue, PortalPaths.Changes })),
    ];
}
