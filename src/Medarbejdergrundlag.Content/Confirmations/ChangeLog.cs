using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Confirmations;

/// <summary>One publish of an item, with what it changed against the publish before it.</summary>
public sealed record PublishedChange(RevisionInfo Revision, RevisionInfo? Previous, IReadOnlyList<FieldDiff> Fields);

/// <summary>What changed in one charter item since a reader confirmed, and the editors' notes on the way.</summary>
public sealed record ChangeSinceConfirmed(CharterChange Change, IReadOnlyList<FieldDiff> Fields);

/// <summary>
/// The changes as readers see them on <c>/aendringer</c>: every publish of the charter, the
/// bearings and the Phønix page, and what changed since a reader's confirmation.
/// </summary>
public sealed class ChangeLog(ContentDbContext db, PublishedContentStore content, ChangeHistory history)
{
    /// <summary>The newest publishes first; a first publish (an item's start) is not a change and is left out.</summary>
    public async Task<IReadOnlyList<PublishedChange>> RecentAsync(int max, CancellationToken cancellationToken = default)
    {
        var revisions = await history.GetAsync(await content.GetAsync(), cancellationToken);
        var changes = revisions.Publications
            .Select(r => (Revision: r, Previous: revisions.PreviousPublication(r)))
            .Where(p => p.Previous is not null)
            .Take(max)
            .ToList();
        var texts = await TextsAsync(changes.SelectMany(c => new[] { c.Revision.Id, c.Previous!.Id }), cancellationToken);
        return changes.Select(c => new PublishedChange(c.Revision, c.Previous, WordDiff.Compare(texts[c.Previous!.Id], texts[c.Revision.Id]))).ToList();
    }

    /// <summary>The charter's changes in <paramref name="status"/>, material ones only, each with its word diff.</summary>
    public async Task<IReadOnlyList<ChangeSinceConfirmed>> SinceAsync(ReaderStatus status, CancellationToken cancellationToken = default)
    {
        var texts = await TextsAsync(status.MaterialChanges.SelectMany(c => new[] { c.FromRevisionId ?? 0, c.ToRevisionId }), cancellationToken);
        return status.MaterialChanges
            .Select(c => new ChangeSinceConfirmed(c, WordDiff.Compare(c.FromRevisionId is { } from ? texts[from] : null, texts[c.ToRevisionId])))
            .ToList();
    }

    private async Task<Dictionary<int, RevisionText>> TextsAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Where(id => id > 0).Distinct().ToList();
        return await db.Revisions.AsNoTracking()
            .Where(r => wanted.Contains(r.Id))
            .Select(r => new { r.Id, Text = new RevisionText(r.Title, r.LeadMarkdown, r.BodyMarkdown, r.Bearing != null ? r.Bearing.PointsMarkdown : "") })
            .ToDictionaryAsync(r => r.Id, r => r.Text, cancellationToken);
    }
}
