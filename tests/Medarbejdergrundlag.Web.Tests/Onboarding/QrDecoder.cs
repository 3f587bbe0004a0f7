using System.Text;
using SkiaSharp;
using StbImageSharp;
using Svg.Skia;
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

    /// <summary>
    /// Reads an SVG QR code: Svg.Skia renders it to pixels at a size a printed code would have
    /// (4 px a module for a 29-module code in 120 px), then ZXing reads them as above.
    /// </summary>
    public static Task<IReadOnlyList<string>> DecodeSvgAsync(byte[] svgBytes, int size = 240)
    {
        using var svg = new SKSvg();
        using (var stream = new MemoryStream(svgBytes))
        {
            svg.Load(stream);
        }

        var picture = svg.Picture ?? throw new Xunit.Sdk.XunitException("the SVG did not render: " + Encoding.UTF8.GetString(svgBytes));
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(size / picture.CullRect.Width, size / picture.CullRect.Height);
            canvas.DrawPicture(picture);
        }

        var source = new RGBLuminanceSource(bitmap.Bytes, size, size, RGBLuminanceSource.BitmapFormat.RGBA32);
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
        };
        IReadOnlyList<string> texts = (reader.DecodeMultiple(source) ?? []).Select(r => r.Text).ToList();
        return Task.FromResult(texts);
    }

    public static byte[] FromSvgDataUri(string dataUri)
    {
        const string prefix = "data:image/svg+xml;base64,";
        Assert.StartsWith(prefix, dataUri);
        return Convert.FromBase64String(dataUri[prefix.Length..]);
    }

    public static byte[] FromDataUri(string dataUri)
    {
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, dataUri);
        return Convert.FromBase64String(dataUri[prefix.Length..]);
    }
}
