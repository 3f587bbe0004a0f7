using Medarbejdergrundlag.Content.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Content.Images;

/// <summary>A rendition's bytes, ready to serve.</summary>
public sealed record ServedImage(byte[] Bytes, string ContentType);

/// <summary>
/// Serves renditions from the content database through a small in-memory cache per instance, keyed
/// by hash, width and format and bounded in bytes (<see cref="ImageOptions.CacheBytes"/>; the least
/// used go first), so a busy page's images cost no query. A rendition never changes under its address,
/// so nothing needs invalidating except on delete.
/// </summary>
public sealed class ImageStore : IDisposable
{
    private readonly IDbContextFactory<ContentDbContext> _contexts;
    private readonly MemoryCache _cache;

    public ImageStore(IDbContextFactory<ContentDbContext> contexts, IOptions<ImageOptions> options)
    {
        _contexts = contexts;
        // Images:CacheBytes, or a sixteenth of the memory the GC may use in a smaller container.
        CacheBytes = MemoryBudget.AtMost(options.Value.CacheBytes, 1.0 / 16);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = CacheBytes });
    }

    /// <summary>The bytes of renditions kept in memory at most.</summary>
    public long CacheBytes { get; }

    /// <summary>One rendition, or the largest fallback when <paramref name="width"/> is null; null when none.</summary>
    public async Task<ServedImage?> GetAsync(string hash, int? width, string? format, CancellationToken cancellationToken = default)
    {
        var key = (hash, width, format);
        if (_cache.TryGetValue(key, out ServedImage? kept))
        {
            return kept;
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var renditions = db.ImageRenditions.AsNoTracking().Where(r => db.Images.Any(i => i.Id == r.ImageId && i.Hash == hash));
        var found = width is null
            ? await renditions.Where(r => r.Format != ImageProcessor.WebP).OrderByDescending(r => r.Width).Select(r => new { r.Bytes, r.Format }).FirstOrDefaultAsync(cancellationToken)
            : await renditions.Where(r => r.Width == width && r.Format == format).Select(r => new { r.Bytes, r.Format }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var served = new ServedImage(found.Bytes, ImageProcessor.ContentType(found.Format));
        _cache.Set(key, served, new MemoryCacheEntryOptions { Size = found.Bytes.Length + 100 });
        return served;
    }

    /// <summary>After a delete. Deletes are rare: the whole cache goes rather than an index of keys per hash.</summary>
    public void ForgetAll() => _cache.Compact(1.0);

    public void Dispose() => _cache.Dispose();
}
