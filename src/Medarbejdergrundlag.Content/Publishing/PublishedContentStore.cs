using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Content.Publishing;

/// <summary>
/// Holds the published site in memory. Published content is small and read on every page, so it
/// is loaded once and replaced when something is published: at once on this instance
/// (<see cref="Invalidate"/>), and within <see cref="CheckInterval"/> on every other instance,
/// which notice through the <see cref="ContentVersion"/> stamp. When the database is away, the
/// last snapshot keeps being served; only an instance that never had one has nothing to show.
/// </summary>
public sealed class PublishedContentStore(
    IDbContextFactory<ContentDbContext> dbFactory,
    TimeProvider clock,
    ILogger<PublishedContentStore> logger)
{
    /// <summary>How often the version stamp is read, at most: the delay before other instances' publishes show.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>A database that does not answer within this is treated as away.</summary>
    public static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(3);

    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private long _checkedAt;
    private bool _stale;
    private int _generation;
    private Task<Snapshot>? _refreshing;
    private Exception? _lastFailure;

    public async Task<PublishedSite> GetAsync()
    {
        Task<Snapshot> refresh;
        Snapshot? fallback;
        lock (_gate)
        {
            fallback = _snapshot;
            var due = clock.GetElapsedTime(_checkedAt) >= CheckInterval;
            if (fallback is not null && !_stale && (!due || _refreshing is not null))
            {
                // Fresh enough, or another request is already checking: no request waits for it.
                return fallback.Site;
            }

            if (fallback is null && _lastFailure is not null && !due && _refreshing is null)
            {
                // Nothing to show and the database failed a moment ago: answer at once, try again shortly.
                throw new ContentUnavailableException("The published content cannot be read.", _lastFailure);
            }

            _refreshing ??= Task.Run(() => RefreshAsync(fallback, _stale, _generation));
            refresh = _refreshing;
        }

        try
        {
            return (await refresh).Site;
        }
        catch (Exception ex) when (ex is not ContentUnavailableException)
        {
            if (fallback is not null)
            {
                return fallback.Site;
            }

            throw new ContentUnavailableException("The published content cannot be read.", ex);
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_refreshing, refresh))
                {
                    _refreshing = null;
                }
            }
        }
    }

    /// <summary>Marks the snapshot stale; the next request reads the database again and waits for it.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _stale = true;
            _generation++;
            _refreshing = null;
        }
    }

    private async Task<Snapshot> RefreshAsync(Snapshot? current, bool forced, int generation)
    {
        try
        {
            using var timeout = new CancellationTokenSource(DatabaseTimeout);
            await using var db = await dbFactory.CreateDbContextAsync(timeout.Token);
            var version = await ContentVersion.ReadAsync(db, timeout.Token);
            var next = current is not null && !forced && current.Version == version
                ? current
                : new Snapshot(await LoadAsync(db, timeout.Token), version);
            lock (_gate)
            {
                _checkedAt = clock.GetTimestamp();
                _lastFailure = null;
                if (generation == _generation)
                {
                    _stale = false;
                }

                _snapshot = next;
            }

            if (current is not null && !ReferenceEquals(next, current))
            {
                logger.LogInformation("Published content reloaded at content version {Version}", version);
            }

            return next;
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _checkedAt = clock.GetTimestamp();
                _lastFailure = ex;
            }

            logger.LogWarning(ex, "The published content could not be read; {Fallback}",
                current is null ? "nothing to show until the database answers" : "serving the last snapshot");
            throw;
        }
    }

    private static async Task<PublishedSite> LoadAsync(ContentDbContext db, CancellationToken cancellationToken)
    {
        var published = await db.Items
            .AsNoTracking()
            .Where(i => !i.IsArchived && i.PublishedRevisionId != null)
            .Select(i => new { Item = i, Revision = i.PublishedRevision! })
            .ToListAsync(cancellationToken);
        var dates = (await db.CourseDates.AsNoTracking()
                .Where(d => !d.IsRemoved && !d.ContentItem!.IsArchived && d.ContentItem.PublishedRevisionId != null)
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.ContentItemId);
        var items = published.Select(p => PublishedItem.FromRevision(p.Item, p.Revision, dates[p.Item.Id]));
        var redirects = await db.SlugRedirects.AsNoTracking()
            .Where(r => r.Kind == ContentKind.Bearing || r.Kind == ContentKind.Course)
            .Select(r => new { r.Kind, r.Slug, r.ContentItemId })
            .ToListAsync(cancellationToken);
        return new PublishedSite(
            items,
            redirects.Where(r => r.Kind == ContentKind.Bearing).Select(r => (r.Slug, r.ContentItemId)),
            redirects.Where(r => r.Kind == ContentKind.Course).Select(r => (r.Slug, r.ContentItemId)));
    }

    private sealed record Snapshot(PublishedSite Site, long Version);
}
