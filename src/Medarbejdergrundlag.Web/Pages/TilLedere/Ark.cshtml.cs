using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.TilLedere;

/// <summary>The one-page onboarding sheet: each bearing with a QR code of its absolute permalink.</summary>
public sealed class ArkModel(PublishedContentStore content, LinkBuilder links, QrCodes qrCodes) : PageModel
{
    public PublishedSite Site { get; private set; } = default!;

    public IReadOnlyList<SheetBearing> Bearings { get; private set; } = [];

    public string CharterUrl { get; private set; } = "";

    /// <summary>Where the charter's confirm button is: the new employee's "læs og bekræft".</summary>
    public string ConfirmUrl { get; private set; } = "";

    /// <summary><see cref="ConfirmUrl"/> as a QR code, an SVG so that it prints sharp.</summary>
    public string ConfirmQrCodeDataUri { get; private set; } = "";

    /// <summary>The Phønix course catalogue, which the onboarding plan's last step points to.</summary>
    public string PhoenixUrl { get; private set; } = "";

    public async Task OnGetAsync()
    {
        Site = await content.GetAsync();
        CharterUrl = links.Absolute(Request, PortalPaths.Charter);
        PhoenixUrl = links.Absolute(Request, PortalPaths.Catalogue);
        ConfirmUrl = links.Absolute(Request, PortalPaths.CharterConfirm);
        ConfirmQrCodeDataUri = qrCodes.SvgDataUri(ConfirmUrl);
        Bearings = Site.Bearings.Select(b =>
        {
            var url = links.Absolute(Request, Onboarding.BearingPath(b));
            return new SheetBearing(b, url, qrCodes.PngDataUri(url));
        }).ToList();
    }

    public sealed record SheetBearing(PublishedItem Bearing, string Url, string QrCodeDataUri);
}
