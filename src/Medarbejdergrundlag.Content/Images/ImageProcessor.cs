using SkiaSharp;

namespace Medarbejdergrundlag.Content.Images;

/// <summary>A rendition made from an upload, before it is stored.</summary>
public sealed record ProcessedRendition(int Width, int Height, string Format, byte[] Bytes);

/// <summary>An upload turned into renditions, or the Danish reason it was refused.</summary>
public sealed record ProcessedImage(int Width, int Height, IReadOnlyList<ProcessedRendition> Renditions, string? Refusal)
{
    public static ProcessedImage Refused(string reason) => new(0, 0, [], reason);
}

/// <summary>
/// Decodes and re-encodes an upload with SkiaSharp (chosen on measurement, docs/architecture.md): the
/// file's own bytes decide its type, its header's pixel count is checked before a pixel is decoded,
/// the EXIF orientation is applied, and the output is encoded from bare pixels, so no metadata
/// (EXIF, XMP, IPTC, ICC comments) can survive. Each image is stored in the <see cref="Widths"/> that
/// are not wider than itself (never upscaled, its own width when narrower than the largest), in WebP
/// and a fallback: JPEG for photos, PNG when it has transparency.
/// </summary>
public static class ImageProcessor
{
    public static readonly IReadOnlyList<int> Widths = [480, 960, 1600];

    public const string WebP = "webp";
    public const string Jpeg = "jpg";
    public const string Png = "png";

    private const int WebPQuality = 80;
    private const int JpegQuality = 82;

    // One decode at a time per instance: a 12-megapixel photo decodes to tens of MB, and two editors
    // uploading at once should not double that under the container's memory budget.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public const string NotAnImage = "Filen er ikke et billede, portalen kan bruge. Vælg en JPEG-, PNG- eller WebP-fil.";
    public const string SvgRefused = "SVG-filer kan ikke bruges, fordi de kan indeholde kode. Gem billedet som PNG eller JPEG, og prøv igen.";
    public const string Unreadable = "Billedet kan ikke læses. Filen er måske beskadiget. Gem den igen som JPEG eller PNG, og prøv igen.";

    public static string TooManyPixels(long max) =>
        $"Billedet har for mange pixels. Det må højst have {max / 1_000_000} millioner pixels (fx 6000 × 4000). Gør det mindre, og prøv igen.";

    /// <summary>The type the bytes themselves say, by their first bytes; null when none we take.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return Jpeg;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        return null;
    }

    /// <summary>SVG is text: an XML declaration, a comment or an &lt;svg&gt; element near the start.</summary>
    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        return head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }

    public static async Task<ProcessedImage> ProcessAsync(byte[] upload, long maxPixels, CancellationToken cancellationToken = default)
    {
        var type = Sniff(upload);
        if (type is null)
        {
            return ProcessedImage.Refused(LooksLikeSvg(upload) ? SvgRefused : NotAnImage);
        }

        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            return Process(upload, maxPixels);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static ProcessedImage Process(byte[] upload, long maxPixels)
    {
        using var data = SKData.CreateCopy(upload);
        // SKCodec reads the header only: width and height are known before anything is decoded.
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            return ProcessedImage.Refused(Unreadable);
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > maxPixels)
        {
            return ProcessedImage.Refused(TooManyPixels(maxPixels));
        }

        var origin = codec.EncodedOrigin;
        var swaps = SwapsSides(origin);
        var (width, height) = swaps ? (info.Height, info.Width) : (info.Width, info.Height);
        var opaque = info.AlphaType == SKAlphaType.Opaque;

        using var decoded = Decode(codec, info, Math.Min(width, Widths[^1]), swaps);
        if (decoded is null)
        {
            return ProcessedImage.Refused(Unreadable);
        }

        using var oriented = Orient(decoded, origin);
        var renditions = new List<ProcessedRendition>();
        foreach (var target in TargetWidths(width))
        {
            var targetHeight = Math.Max(1, (int)Math.Round((double)height * target / width));
            using var scaled = oriented.Width == target && oriented.Height == targetHeight
                ? oriented.Copy()
                : oriented.Resize(new SKImageInfo(target, targetHeight, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell));
            if (scaled is null)
            {
                return ProcessedImage.Refused(Unreadable);
            }

            using var image = SKImage.FromBitmap(scaled);
            renditions.Add(Encode(image, target, targetHeight, WebP));
            renditions.Add(Encode(image, target, targetHeight, opaque ? Jpeg : Png));
        }

        return new ProcessedImage(width, height, renditions, null);
    }

    /// <summary>The stored widths: the standard ones narrower than the image, and its own when below the largest.</summary>
    public static IReadOnlyList<int> TargetWidths(int width)
    {
        var largest = Math.Min(width, Widths[^1]);
        return [.. Widths.Where(w => w < largest), largest];
    }

    /// <summary>
    /// Decodes at the smallest scale the codec offers (JPEG and WebP decode at 1/2, 1/4, 1/8) that is
    /// still at least as wide as the largest rendition: a 12-megapixel photo needs a quarter of the memory.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec, SKImageInfo info, int neededWidth, bool swaps)
    {
        var size = info.Size;
        foreach (var scale in new[] { 0.125f, 0.25f, 0.5f })
        {
            var candidate = codec.GetScaledDimensions(scale);
            var candidateWidth = swaps ? candidate.Height : candidate.Width;
            if (candidateWidth >= neededWidth && candidate.Width < size.Width)
            {
                size = candidate;
                break;
            }
        }

        var target = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var bitmap = new SKBitmap(target);
        var result = codec.GetPixels(target, bitmap.GetPixels());
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    private static bool SwapsSides(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>The pixels turned as the EXIF orientation says, so the stored image needs no tag.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var swaps = SwapsSides(origin);
        var (w, h) = swaps ? (source.Height, source.Width) : (source.Width, source.Height);
        var result = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Translate(w, 0); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.Translate(w, h); canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Translate(0, h); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(w, h); canvas.RotateDegrees(90); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(270); break;
        }

        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        canvas.Flush();
        return result;
    }

    private static ProcessedRendition Encode(SKImage image, int width, int height, string format)
    {
        using var encoded = format switch
        {
            WebP => image.Encode(SKEncodedImageFormat.Webp, WebPQuality),
            Jpeg => image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality),
            _ => image.Encode(SKEncodedImageFormat.Png, 100),
        };
        return new ProcessedRendition(width, height, format, encoded.ToArray());
    }

    public static string ContentType(string format) => format switch
    {
        WebP => "image/webp",
        Jpeg => "image/jpeg",
        _ => "image/png",
    };
}
