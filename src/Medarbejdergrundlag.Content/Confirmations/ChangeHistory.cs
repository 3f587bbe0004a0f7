using System.Collections.Concurrent;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Confirmations;

/// <summary>What is known of one revision of the charter or the Phønix page, without its text.</summary>
public sealed record RevisionInfo(
    int Id,
    int ItemId,
    ContentKind Kind,
    string Key,
    int Number,
    string Title,
    DateTime? PublishedAt,
    bool IsMaterialChange,
    string? ChangeNote);

/// <summary>
/// One item of the charter whose published text differs from a version a reader confirmed:
/// from which revision (null: the item is new since) to which, and the publishes in between.
/// </summary>
public sealed record CharterChange(
    int ItemId,
    ContentKind Kind,
    string Key,
    string Title,
    int? FromRevisionId,
    int ToRevisionId,
    IReadOnlyList<RevisionInfo> Publications)
{
    /// <summary>Material when any publish in between was marked "Væsentlig ændring".</summary>
    public bool IsMaterial => Publications.Any(p => p.IsMaterialChange);

    public DateTime LastPublishedAt => Publications.Max(p => p.PublishedAt!.Value);
}

/// <summary>
/// The revisions of the charter and the Phønix page (numbers, flags, publish times, notes; no
/// text), read once per published snapshot with one query, so a reader's status costs no query
/// beyond their own confirmation. A publish makes a new snapshot and so a new history.
/// </summary>
public sealed class ChangeHistory(IDbContextFactory<ContentDbContext> dbFactory)
{
    // One per language: the Danish and the English site of a snapshot are read side by side, and
    // each has its own version (a translation counts for the Danish revision it was made from).
    private volatile Entry? _danish;
    private volatile Entry? _english;

    public async Task<RevisionHistory> GetAsync(PublishedSite site, CancellationToken cancellationToken = default)
    {
        var english = site.Language == PortalCulture.EnglishCode;
        if ((english ? _english : _danish) is { } entry && entry.Stamp == site.Stamp)
        {
            return entry.History;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => ContentKinds.InChangeLog.Contains(r.ContentItem!.Kind))
            .Select(r => new RevisionInfo(r.Id, r.ContentItemId, r.ContentItem!.Kind, r.ContentItem.Key, r.Number, r.Title,
                r.PublishedAt, r.IsMaterialChange, r.ChangeNote))
            .ToListAsync(cancellationToken);
        var history = new RevisionHistory(site, revisions);
        if (english)
        {
            _english = new Entry(site.Stamp, history);
        }
        else
        {
            _danish = new Entry(site.Stamp, history);
        }

        return history;
    }

    private sealed record Entry(long Stamp, RevisionHistory History);
}

/// <summary>The history as of one snapshot; immutable, shared by every request on that snapshot.</summary>
public sealed class RevisionHistory
{
    private readonly PublishedSite _site;
    private readonly Dictionary<int, RevisionInfo> _byId;
    private readonly ILookup<int, RevisionInfo> _byItem;
    private readonly ConcurrentDictionary<string, IReadOnlyList<CharterChange>> _since = new();

    internal RevisionHistory(PublishedSite site, IReadOnlyList<RevisionInfo> revisions)
    {
        _site = site;
        _byId = revisions.ToDictionary(r => r.Id);
        _byItem = revisions.ToLookup(r => r.ItemId);
        CurrentVersion = CharterVersion.Of(site);
        Publications = revisions.Where(r => r.PublishedAt is not null)
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).ToList();
    }

    public string CurrentVersion { get; }

    /// <summary>Every publish of the charter's items and the Phønix page, newest first.</summary>
    public IReadOnlyList<RevisionInfo> Publications { get; }

    public RevisionInfo? Find(int revisionId) => _byId.GetValueOrDefault(revisionId);

    /// <summary>The publish of the same item before this one, or null for its first.</summary>
    public RevisionInfo? PreviousPublication(RevisionInfo revision) =>
        _byItem[revision.ItemId].Where(r => r.PublishedAt is not null && r.Number < revision.Number).MaxBy(r => r.Number);

    /// <summary>
    /// The charter's items whose published text differs from <paramref name="version"/>, in reading
    /// order. Items archived since are not a change a reader has to read.
    /// </summary>
    public IReadOnlyList<CharterChange> ChangesSince(string version) =>
        version == CurrentVersion ? [] : _since.GetOrAdd(version, Compute);

    /// <summary>Whether a reader who confirmed <paramref name="version"/> must read and confirm again.</summary>
    public bool IsOutdated(string version) => ChangesSince(version).Any(c => c.IsMaterial);

    private IReadOnlyList<CharterChange> Compute(string version)
    {
        var confirmed = CharterVersion.Parse(version);
        var changes = new List<CharterChange>();
        foreach (var item in CharterVersion.Items(_site))
        {
            var from = _byItem[item.Id].Where(r => confirmed.Contains(r.Id)).MaxBy(r => r.Number);
            if (from?.Id == item.RevisionId || _byId.GetValueOrDefault(item.RevisionId) is not { } to)
            {
                continue;
            }

            var publications = _byItem[item.Id]
                .Where(r => r.PublishedAt is not null && r.Number > (from?.Number ?? 0) && r.Number <= to.Number)
                .OrderBy(r => r.Number)
                .ToList();
            if (publications.Count > 0)
            {
                changes.Add(new CharterChange(item.Id, item.Kind, item.Key, item.Title, from?.Id, to.Id, publications));
            }
        }

        return changes;
    }
}
