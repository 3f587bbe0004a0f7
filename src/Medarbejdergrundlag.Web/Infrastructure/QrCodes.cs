using System.Text;
using QRCoder;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// QR codes for the printed onboarding sheet, as PNG data URIs: an &lt;img&gt; needs no inline
/// style and the CSP allows <c>img-src data:</c>. Made per request; the sheet is rarely printed,
/// and a cache keyed on the request's host could be grown by anyone.
/// </summary>
public sealed class QrCodes
{
    /// <summary>Enough pixels per module for a phone to read the code from paper.</summary>
    private const int PixelsPerModule = 5;

    public string PngDataUri(string url)
    {
        // M recovers from about 15% damage: a folded or scribbled-on sheet still scans.
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(PixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>
    /// The same as an SVG data URI: vector, so it prints sharp at any size. Sized by its viewBox
    /// (one unit a module, quiet zone included); the &lt;img&gt; that shows it gives the size.
    /// </summary>
    public string SvgDataUri(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
