namespace Medarbejdergrundlag.Content.Images;

/// <summary>The image library's limits (<c>Images:*</c>).</summary>
public sealed class ImageOptions
{
    public const string Section = "Images";

    /// <summary>The largest upload; a larger request is refused before its body is read.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The most pixels an image may claim in its header; more is refused before decoding.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>The bytes of renditions the serving cache keeps in memory, per instance.</summary>
    public long CacheBytes { get; set; } = 32 * 1024 * 1024;
}
