using StbImageSharp;
using ZXing;
using ZXing.Common;

namespace Medarbejdergrundlag.Web.Tests.Onboarding;

/// <summary>
/// Reads QR codes with ZXing.Net, the PNG decoded by StbImageSharp: decoders that share nothing
/// with QRCoder, run on the image bytes the page actually serves. Both are NuGet packages, so a
/// fresh machine needs nothing from apt.
/// </summary>
public static class QrDecoder
{
    public static Task<IReadOnlyList<string>> DecodeAsync(byte[] image)
    {
        var png = ImageResult.FromMemory(image, ColorComponents.RedGreenBlueAlpha);
        var source = new RGBLuminanceSource(png.Data, png.Width, png.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
        };
        IReadOnlyList<string> texts = (reader.DecodeMultiple(source) ?? []).Select(r => r.Text).ToList();
        return Task.FromResult(texts);
    }

    public static byte[] FromDataUri(string dataUri)
    {
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, dataUri);
        return Convert.FromBase64String(dataUri[prefix.Length..]);
    }
}
