using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Medarbejdergrundlag.Content.Confirmations;

/// <summary>
/// A reader's status on the charter, as the charter page asks for it on every view. A singleton
/// that makes no database context unless it must: the page is read far more often than anyone
/// confirms, and a query (or only a context) per view cost a large part of the cached page's throughput.
/// </summary>
public sealed class ReaderStatuses(IDbContextFactory<ContentDbContext> dbFactory, PublishedContentStore content, ChangeHistory history, IMemoryCache cache)
{
    /// <summary>
    /// How long an instance keeps a reader's latest confirmation in memory. A confirmation or
    /// withdrawal on this instance takes effect at once; on another instance within this time, or
    /// at once for the browser that made it (it asks with <c>fresh</c>; see the web app's cookie).
    /// </summary>
    public static readonly TimeSpan MemoryLifetime = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The reader's latest confirmation (one indexed query, then kept for <see cref="MemoryLifetime"/>)
    /// against the snapshot's history. <paramref name="fresh"/>: ask the database, not the memory.
    /// </summary>
    public async Task<ReaderStatus> StatusAsync(string subjectId, bool fresh = false, CancellationToken cancellationToken = default)
    {
        var site = await content.GetAsync();
        var key = (nameof(ReaderStatuses), subjectId);
        if (fresh || !cache.TryGetValue(key, out Latest? latest) || latest is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            latest = await db.Confirmations.AsNoTracking()
                .Where(c => c.SubjectId == subjectId)
                .OrderByDescending(c => c.Id)
                .Select(c => new Latest(c.Version, c.ConfirmedAt))
                .FirstOrDefaultAsync(cancellationToken) ?? Latest.None;
            // Size 1: the entry counts as one wherever the app's cache has a size limit.
            cache.Set(key, latest, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MemoryLifetime, Size = 1 });
        }

        if (latest.Version is null)
        {
            return ReaderStatus.NotConfirmed(CharterVersion.Of(site));
        }

        var revisions = await history.GetAsync(site, cancellationToken);
        var status = new ReaderStatus(revisions.CurrentVersion, latest.ConfirmedAt, revisions.ChangesSince(latest.Version));
        if (site.Language != PortalCulture.EnglishCode)
        {
            return status;
        }

        // An English reader's version names the Danish texts their translations were made from. A
        // material Danish change whose translation is not updated yet is not theirs to confirm; it
        // is named, so they know it is coming.
        var danish = await history.GetAsync(await content.GetAsync(PortalCulture.DanishCode), cancellationToken);
        var awaiting = danish.ChangesSince(latest.Version)
            .Where(c => c.IsMaterial && !status.MaterialChanges.Any(m => m.ItemId == c.ItemId))
            .Select(c => CharterVersion.Items(site).FirstOrDefault(i => i.Id == c.ItemId) is { } shown ? c with { Title = shown.Title } : c)
            .ToList();
        return awaiting.Count == 0 ? status : status with { AwaitingTranslation = awaiting };
    }

    /// <summary>After a confirmation or withdrawal: the next view asks the database.</summary>
    public void Forget(string subjectId) => cache.Remove((nameof(ReaderStatuses), subjectId));

    private sealed record Latest(string? Version, DateTime? ConfirmedAt)
    {
        public static readonly Latest None = new(null, null);
    }
}
