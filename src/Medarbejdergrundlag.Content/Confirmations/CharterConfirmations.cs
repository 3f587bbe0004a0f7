using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Confirmations;

/// <summary>Where a reader stands with the charter that is published now.</summary>
public sealed record ReaderStatus(string CurrentVersion, DateTime? ConfirmedAt, IReadOnlyList<CharterChange> ChangesSince)
{
    public static ReaderStatus NotConfirmed(string currentVersion) => new(currentVersion, null, []);

    public bool HasConfirmed => ConfirmedAt is not null;

    /// <summary>The changes that ask the reader to confirm again; minor ones never do.</summary>
    public IReadOnlyList<CharterChange> MaterialChanges { get; } = ChangesSince.Where(c => c.IsMaterial).ToList();

    public bool MustConfirmAgain => HasConfirmed && MaterialChanges.Count > 0;

    public DateTime? LatestMaterialChangeAt => MaterialChanges.Count == 0 ? null : MaterialChanges.Max(c => c.LastPublishedAt);

    /// <summary>
    /// On the English pages: material changes to the Danish text since the reader confirmed that the
    /// English text does not have yet (its translation is older). They do not ask the reader to
    /// confirm again until the translation is updated; the page says they are coming.
    /// </summary>
    public IReadOnlyList<CharterChange> AwaitingTranslation { get; init; } = [];
}

public enum ConfirmOutcome
{
    Confirmed,

    /// <summary>The reader had already confirmed the version published now; nothing was added.</summary>
    AlreadyConfirmed,

    /// <summary>A material change was published while the reader read; they must see it first.</summary>
    ChangedMeanwhile,
}

/// <summary>HR's figures: how many readers' latest confirmation is of the version in force, and how many of an older one.</summary>
public sealed record ConfirmationFigures(int Current, int Older, IReadOnlyList<ForvaltningFigures> ByForvaltning)
{
    public int Total => Current + Older;
}

/// <summary>One forvaltning's figures; <see cref="Forvaltning"/> null: the claim was absent.</summary>
public sealed record ForvaltningFigures(string? Forvaltning, int Current, int Older)
{
    public int Total => Current + Older;
}

/// <summary>
/// Reading and confirming the charter. Stores the subject id, the version and the time (and the
/// forvaltning where configured): no name, nothing about what else a reader did.
/// </summary>
public sealed class CharterConfirmations(ContentDbContext db, PublishedContentStore content, ChangeHistory history, ReaderStatuses statuses, TimeProvider clock)
{
    /// <inheritdoc cref="ReaderStatuses.StatusAsync"/>
    public Task<ReaderStatus> StatusAsync(string subjectId, bool fresh = false, CancellationToken cancellationToken = default) =>
        statuses.StatusAsync(subjectId, fresh, cancellationToken);

    private void Forget(string subjectId) => statuses.Forget(subjectId);

    /// <summary>
    /// Confirms the version the reader read (<paramref name="readVersion"/>, carried by the form). If
    /// only minor changes were published since, they confirm the version in force now.
    /// </summary>
    public async Task<ConfirmOutcome> ConfirmAsync(string subjectId, string readVersion, string? forvaltning, CancellationToken cancellationToken = default)
    {
        var site = await content.GetAsync();
        var revisions = await history.GetAsync(site, cancellationToken);
        if (readVersion != revisions.CurrentVersion && revisions.IsOutdated(readVersion))
        {
            return ConfirmOutcome.ChangedMeanwhile;
        }

        var status = await StatusAsync(subjectId, fresh: true, cancellationToken);
        if (status.HasConfirmed && status.ChangesSince.Count == 0)
        {
            return ConfirmOutcome.AlreadyConfirmed;
        }

        db.Confirmations.Add(new Confirmation
        {
            SubjectId = subjectId,
            Version = revisions.CurrentVersion,
            ConfirmedAt = clock.GetUtcNow().UtcDateTime,
            Forvaltning = string.IsNullOrWhiteSpace(forvaltning) ? null : forvaltning.Trim()[..Math.Min(forvaltning.Trim().Length, 100)],
        });
        await db.SaveChangesAsync(cancellationToken);
        Forget(subjectId);
        PortalMetrics.Confirmation();
        return ConfirmOutcome.Confirmed;
    }

    /// <summary>The reader's own confirmations, newest first.</summary>
    public async Task<IReadOnlyList<Confirmation>> MineAsync(string subjectId, CancellationToken cancellationToken = default) =>
        await db.Confirmations.AsNoTracking().Where(c => c.SubjectId == subjectId)
            .OrderByDescending(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>Deletes one of the reader's confirmations, or all of them (<paramref name="id"/> null). Never another reader's.</summary>
    public async Task<int> WithdrawAsync(string subjectId, long? id, CancellationToken cancellationToken = default)
    {
        var deleted = await db.Confirmations.Where(c => c.SubjectId == subjectId && (id == null || c.Id == id)).ExecuteDeleteAsync(cancellationToken);
        Forget(subjectId);
        return deleted;
    }

    /// <summary>The retention clean-up: deletes every confirmation made before <paramref name="cutoff"/>.</summary>
    public Task<int> DeleteOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken = default) =>
        db.Confirmations.Where(c => c.ConfirmedAt < cutoff).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Counts by each reader's latest confirmation: no subject ids leave the database.</summary>
    public async Task<ConfirmationFigures> FiguresAsync(CancellationToken cancellationToken = default)
    {
        var site = await content.GetAsync();
        var revisions = await history.GetAsync(site, cancellationToken);
        var groups = await db.Confirmations.AsNoTracking()
            .Where(c => !db.Confirmations.Any(newer => newer.SubjectId == c.SubjectId && newer.Id > c.Id))
            .GroupBy(c => new { c.Version, c.Forvaltning })
            .Select(g => new { g.Key.Version, g.Key.Forvaltning, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var classified = groups.Select(g => (g.Forvaltning, g.Count, Current: !revisions.IsOutdated(g.Version))).ToList();
        var byForvaltning = classified.GroupBy(g => g.Forvaltning)
            .Select(g => new ForvaltningFigures(g.Key, g.Where(x => x.Current).Sum(x => x.Count), g.Where(x => !x.Current).Sum(x => x.Count)))
            .OrderBy(f => f.Forvaltning is null).ThenBy(f => f.Forvaltning, PortalCulture.DanishOrder)
            .ToList();
        return new ConfirmationFigures(byForvaltning.Sum(f => f.Current), byForvaltning.Sum(f => f.Older), byForvaltning);
    }
}
