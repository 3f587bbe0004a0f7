using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
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
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>A database that does not answer within this is treated as away.</summary>
    public static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(3);

    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private long _checkedAt;
    private bool _stale;
    private int _generation;
    private Task<Snapshot>? _refreshing;
    private Exception? _lastFailure;

    /// <summary>The published site in the language of the page being made (<see cref="PortalCulture.CurrentLanguage"/>).</summary>
    public Task<PublishedSite> GetAsync() => GetAsync(PortalCulture.CurrentLanguage);

    public async Task<PublishedSite> GetAsync(string language) =>
        (await GetSnapshotAsync()).Site(language);

    private async Task<Snapshot> GetSnapshotAsync()
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
                return fallback;
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
            return await refresh;
        }
        catch (Exception ex) when (ex is not ContentUnavailableException)
        {
            if (fallback is not null)
            {
                return fallback;
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

    /// <summary>The snapshot held now, however old, without reading the database; null before the first load.</summary>
    public PublishedSite? Peek(string language)
    {
        lock (_gate)
        {
            return _snapshot?.Site(language);
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
                : await LoadAsync(db, version, timeout.Token);
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

            if (!ReferenceEquals(next, current) && next.TextLength >= RebuildMemory.LargeText)
            {
                // The entities the snapshot was made from are garbage now.
                RebuildMemory.Release();
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

    private static async Task<Snapshot> LoadAsync(ContentDbContext db, long version, CancellationToken cancellationToken)
    {
        var published = await db.Items
            .AsNoTracking()
            .Where(i => !i.IsArchived && i.PublishedRevisionId != null)
            .Select(i => new { Item = i, Revision = i.PublishedRevision!, English = i.PublishedEnglishRevision })
            .ToListAsync(cancellationToken);
        var dates = (await db.CourseDates.AsNoTracking()
                .Where(d => !d.IsRemoved && !d.ContentItem!.IsArchived && d.ContentItem.PublishedRevisionId != null)
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.ContentItemId);
        var items = published.Select(p => PublishedItem.FromRevision(p.Item, p.Revision, dates[p.Item.Id])).ToList();

        // The English pages: each item's published translation, or the Danish text where there is none.
        var english = published.Select((p, n) => p.English is null
            ? items[n]
            : PublishedItem.Translation(items[n], p.English, TranslationEditor.IsOutdated(p.Revision.Id, p.English.TranslatedFromRevisionId)));
        var redirects = await db.SlugRedirects.AsNoTracking()
            .Select(r => new { r.Kind, r.Slug, r.ContentItemId })
            .ToListAsync(cancellationToken);
        var bearingRedirects = redirects.Where(r => ContentKinds.Of(r.Kind).Has(ContentPart.Bearing)).Select(r => (r.Slug, r.ContentItemId)).ToList();
        var courseRedirects = redirects.Where(r => ContentKinds.Of(r.Kind).Has(ContentPart.Course)).Select(r => (r.Slug, r.ContentItemId)).ToList();
        return new Snapshot(
            new PublishedSite(items, bearingRedirects, courseRedirects),
            new PublishedSite(english, bearingRedirects, courseRedirects, PortalCulture.EnglishCode),
            version)
        {
            TextLength = published.Sum(p => (long)p.Revision.BodyMarkdown.Length + p.Revision.BodyHtml.Length + p.Revision.PlainText.Length),
        };
    }

    private sealed record Snapshot(PublishedSite Danish, PublishedSite English, long Version)
    {
        /// <summary>The Danish text the snapshot was read from, in characters (see <see cref="RebuildMemory"/>).</summary>
        public long TextLength { get; init; }

        public PublishedSite Site(string language) => language == PortalCulture.EnglishCode ? English : Danish;
    }
}
