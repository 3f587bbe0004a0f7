using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Publishing;

/// <summary>
/// Holds the published site in memory. Published content is small and read on every page, so
/// it is loaded once and replaced whenever something is published (<see cref="Invalidate"/>).
/// </summary>
public sealed class PublishedContentStore(IDbContextFactory<ContentDbContext> dbFactory)
{
    private Task<PublishedSite>? _current;
    private readonly Lock _gate = new();

    public Task<PublishedSite> GetAsync()
    {
        lock (_gate)
        {
            // A failed load (database briefly away) must not be cached.
            if (_current is null || _current.IsFaulted || _current.IsCanceled)
            {
                _current = LoadAsync();
            }

            return _current;
        }
    }

    /// <summary>Drops the snapshot; the next request reads the database again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _current = null;
        }
    }

    private async Task<PublishedSite> LoadAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var published = await db.Items
            .AsNoTracking()
            .Where(i => !i.IsArchived && i.PublishedRevisionId != null)
            .Select(i => new { Item = i, Revision = i.PublishedRevision! })
            .ToListAsync();
        var dates = (await db.CourseDates.AsNoTracking()
                .Where(d => !d.IsRemoved && !d.ContentItem!.IsArchived && d.ContentItem.PublishedRevisionId != null)
                .ToListAsync())
            .ToLookup(d => d.ContentItemId);
        var items = published.Select(p => PublishedItem.FromRevision(p.Item, p.Revision, dates[p.Item.Id]));
        var redirects = await db.SlugRedirects.AsNoTracking()
            .Where(r => r.Kind == ContentKind.Bearing || r.Kind == ContentKind.Course)
            .Select(r => new { r.Kind, r.Slug, r.ContentItemId })
            .ToListAsync();
        return new PublishedSite(
            items,
            redirects.Where(r => r.Kind == ContentKind.Bearing).Select(r => (r.Slug, r.ContentItemId)),
            redirects.Where(r => r.Kind == ContentKind.Course).Select(r => (r.Slug, r.ContentItemId)));
    }
}
