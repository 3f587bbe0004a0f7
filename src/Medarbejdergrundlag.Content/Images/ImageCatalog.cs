using System.Collections.Concurrent;
using Medarbejdergrundlag.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Images;

/// <summary>What the Markdown renderer needs to write an image's <c>srcset</c>: its size and its renditions.</summary>
public sealed record ImageSizes(string Hash, int Width, int Height, IReadOnlyList<(int Width, string Format)> Renditions)
{
    /// <summary>The format of the fallback for browsers without WebP: JPEG, or PNG for transparency.</summary>
    public string Fallback => Renditions.Select(r => r.Format).FirstOrDefault(f => f != ImageProcessor.WebP) ?? ImageProcessor.Jpeg;

    public IEnumerable<int> WidthsOf(string format) => Renditions.Where(r => r.Format == format).Select(r => r.Width).Order();
}

/// <summary>
/// The library's image sizes for rendering, kept per instance. An image never changes, so a size once
/// read stays true; a hash not yet known (an image uploaded on another instance a moment ago) costs
/// one query for all the unknown hashes of a text, never one per image and never one per request:
/// rendering happens on save and publish.
/// </summary>
public sealed class ImageCatalog(IDbContextFactory<ContentDbContext> contexts)
{
    private readonly ConcurrentDictionary<string, ImageSizes> _known = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ImageSizes> Lookup(IEnumerable<string> hashes)
    {
        var wanted = hashes.Distinct(StringComparer.Ordinal).ToList();
        var missing = wanted.Where(h => !_known.ContainsKey(h)).ToList();
        if (missing.Count > 0)
        {
            using var db = contexts.CreateDbContext();
            var found = db.Images.AsNoTracking().Where(i => missing.Contains(i.Hash))
                .Select(i => new { i.Hash, i.Width, i.Height, Renditions = i.Renditions.Select(r => new { r.Width, r.Format }).ToList() })
                .ToList();
            foreach (var image in found)
            {
                Remember(new ImageSizes(image.Hash, image.Width, image.Height, image.Renditions.Select(r => (r.Width, r.Format)).ToList()));
            }
        }

        return wanted.Where(_known.ContainsKey).ToDictionary(h => h, h => _known[h], StringComparer.Ordinal);
    }

    public void Remember(ImageSizes sizes) => _known[sizes.Hash] = sizes;

    public void Forget(string hash) => _known.TryRemove(hash, out _);
}
