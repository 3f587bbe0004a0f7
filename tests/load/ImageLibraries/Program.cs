using System.Diagnostics;
using SkiaSharp;
using SixLabors.ImageSharp.Processing;

// Re-encoding a 12-megapixel photo to the library's three widths in WebP and JPEG, per library, for
// the choice in docs/architecture.md ("Why SkiaSharp"). One library per process, so the peak RSS is
// its own:  dotnet run -c Release -- make;  then for each of skia, skia-scaled, sharp:
//   /usr/bin/time -f "%M KB" dotnet bin/Release/net10.0/ImageLibraries.dll skia
var mode = args[0];
var path = Path.Combine(Path.GetTempPath(), "photo12mp.jpg");
if (mode == "make")
{
    var info = new SKImageInfo(4000, 3000, SKColorType.Rgba8888, SKAlphaType.Opaque);
    using var bmp = new SKBitmap(info);
    var rnd = new Random(1);
    var span = bmp.GetPixelSpan();
    for (int y = 0; y < 3000; y++)
        for (int x = 0; x < 4000; x++)
        {
            int i = (y * 4000 + x) * 4;
            int n = rnd.Next(40);
            span[i] = (byte)((x * 255 / 4000 + n) & 255);
            span[i + 1] = (byte)((y * 255 / 3000 + n) & 255);
            span[i + 2] = (byte)(((x + y) / 30 % 255 + n) & 255);
            span[i + 3] = 255;
        }
    using var data = bmp.Encode(SKEncodedImageFormat.Jpeg, 90);
    File.WriteAllBytes(path, data.ToArray());
    Console.WriteLine($"made {new FileInfo(path).Length} bytes");
    return;
}
var bytes = File.ReadAllBytes(path);
int[] widths = [480, 960, 1600];
void Skia()
{
    using var codec = SKCodec.Create(new MemoryStream(bytes));
    using var src = SKBitmap.Decode(codec);
    foreach (var w in widths)
    {
        int h = (int)Math.Round((double)src.Height * w / src.Width);
        using var scaled = src.Resize(new SKImageInfo(w, h), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var img = SKImage.FromBitmap(scaled);
        using var webp = img.Encode(SKEncodedImageFormat.Webp, 80);
        using var jpg = img.Encode(SKEncodedImageFormat.Jpeg, 82);
    }
}
void Sharp()
{
    using var src = SixLabors.ImageSharp.Image.Load(bytes);
    foreach (var w in widths)
    {
        using var c = src.Clone(x => x.Resize(w, 0));
        using var m1 = new MemoryStream();
        c.Save(m1, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { Quality = 80 });
        using var m2 = new MemoryStream();
        c.Save(m2, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 82 });
    }
}
void SkiaScaled()
{
    using var codec = SKCodec.Create(new MemoryStream(bytes));
    var size = codec.GetScaledDimensions(0.5f);
    var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
    using var src = new SKBitmap(info);
    codec.GetPixels(info, src.GetPixels());
    foreach (var w in widths)
    {
        int h = (int)Math.Round((double)src.Height * w / src.Width);
        using var scaled = src.Resize(new SKImageInfo(w, h), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var img = SKImage.FromBitmap(scaled);
        using var webp = img.Encode(SKEncodedImageFormat.Webp, 80);
        using var jpg = img.Encode(SKEncodedImageFormat.Jpeg, 82);
    }
}
Action run = mode == "skia" ? Skia : mode == "skia-scaled" ? SkiaScaled : Sharp;
var rss0 = Process.GetCurrentProcess().WorkingSet64;
run(); // warm-up
var times = new List<double>();
for (int i = 0; i < 5; i++) { var sw = Stopwatch.StartNew(); run(); times.Add(sw.Elapsed.TotalMilliseconds); }
times.Sort();
var p = Process.GetCurrentProcess(); p.Refresh();
Console.WriteLine($"{mode}: median {times[2]:F0} ms (min {times[0]:F0}, max {times[4]:F0}); rss before {rss0/1048576} MiB, peak {p.PeakWorkingSet64/1048576} MiB");
