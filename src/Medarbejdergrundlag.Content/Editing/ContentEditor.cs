using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>
/// Every change an editor can make. Each one checks the item's version first (someone else may
/// have changed it since the editor opened it), writes its audit entry in the same save, and
/// never changes or deletes a revision: saving, restoring and publishing only add or repoint.
/// Publishing itself is the publish path (<c>ContentEditor.Publish.cs</c>).
/// </summary>
public sealed partial class ContentEditor(
    ContentDbContext db, RevisionRenderer renderer, TimeProvider clock, IEnumerable<IPublishGate> gates, IEnumerable<IPublishedHook> hooks)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<ContentItem?> FindAsync(int id) =>
        db.Items.Include(i => i.CurrentRevision).Include(i => i.PublishedRevision)
            .Include(i => i.CurrentEnglishRevision).Include(i => i.PublishedEnglishRevision)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id);

    public async Task<EditResult> CreateAsync(ContentKind kind, RevisionInput input, EditorRef user)
    {
        var (clean, errors) = RevisionValidator.Validate(input with { Slug = ContentKinds.Of(kind).HasOwnAddress ? input.Slug : null }, kind);
        if (clean is null)
        {
            return EditResult.Invalid(errors);
        }

        if (await SlugTakenAsync(kind, clean.Slug!, itemId: null) is { } taken)
        {
            return EditResult.Invalid(new Dictionary<string, string> { [RevisionFields.Slug] = taken });
        }

        if (await UnknownBearingsAsync(clean) is { } unknown)
        {
            return EditResult.Invalid(new Dictionary<string, string> { [RevisionFields.Bearings] = unknown });
        }

        var keys = await db.Items.Select(i => i.Key).ToListAsync();
        var key = Slugifier.Slugify(clean.Title!);
        for (var n = 2; keys.Contains(key); n++)
        {
            key = $"{Slugifier.Slugify(clean.Title!)}-{n}";
        }

        var lastOrder = await db.Items.Where(i => i.Kind == kind).MaxAsync(i => (int?)i.SortOrder) ?? 0;
        var revision = NewRevision(clean, number: 1, user);
        var item = new ContentItem
        {
            Kind = kind,
            Key = key,
            SortOrder = lastOrder + 1,
            CreatedAt = Now,
            UpdatedAt = Now,
            UpdatedBy = user.Name,
            Version = 1,
        };
        item.Revisions.Add(revision);

        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Items.Add(item);
        await db.SaveChangesAsync();

        // The pointer needs the revision's id, hence a second save inside the same transaction.
        item.CurrentRevisionId = revision.Id;
        Audit(AuditAction.Created, item, clean.Title!, user, Describe(revision));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return EditResult.Done(item, revision);
    }

    public Task<EditResult> SaveDraftAsync(int id, int expectedVersion, RevisionInput input, EditorRef user) =>
        WriteAsync(id, expectedVersion, item => AddRevisionAsync(item, input, AuditAction.Saved, user));

    /// <summary>
    /// What the editor typed becomes the published version: one load, one save, one transaction.
    /// Either both the new revision and the publish are written, or neither, with one exception:
    /// A gate that refuses the publish (<see cref="IPublishGate"/>) leaves the new revision saved as a
    /// draft: <see cref="EditOutcome.Refused"/>, with the gate's reasons.
    /// </summary>
    /// <param name="material">
    /// "Væsentlig ændring": readers who confirmed the charter before ask to read and confirm again.
    /// Only kinds that are part of the charter can be material; for other kinds it is ignored.
    /// </param>
    public Task<EditResult> SaveAndPublishAsync(int id, int expectedVersion, RevisionInput input, EditorRef user, bool material = false, string? checksOverride = null) =>
        PortalMetrics.CountPublish(WriteAsync(id, expectedVersion, async item =>
            await AddRevisionAsync(item, input, AuditAction.Saved, user) is { Succeeded: false } refused
                ? refused
                : await PublishAsync(new PublishRequest(item, item.CurrentRevision!, user, material, PublishSource.Editor, Trimmed(checksOverride)), note: null)));

    /// <summary>
    /// An old Danish revision's text becomes a new draft. History stays as it was. English revisions
    /// share the numbering, so a number that is an English revision is refused, never restored as Danish
    /// (<see cref="TranslationEditor.RestoreAsync"/> restores those).
    /// </summary>
    public Task<EditResult> RestoreAsync(int id, int revisionNumber, int expectedVersion, EditorRef user) =>
        WriteAsync(id, expectedVersion, async item => await RevisionAsync(item, revisionNumber) switch
        {
            null => EditResult.NotFound(),
            { Language: not PortalCulture.DanishCode } => EditResult.Invalid(
                $"Version {revisionNumber} er en engelsk oversættelse, ikke en dansk version. Gendan den fra oversættelsens historik."),
            var old => await AddRevisionAsync(item, RevisionInput.From(old, $"Gendannet fra version {revisionNumber}"), AuditAction.Restored, user),
        });

    /// <summary>
    /// Loads the item (refusing if someone changed it since <paramref name="expectedVersion"/>), lets
    /// <paramref name="change"/> change it in memory, and saves once if the change succeeded.
    /// </summary>
    internal async Task<EditResult> WriteAsync(int id, int? expectedVersion, Func<ContentItem, Task<EditResult>> change)
    {
        var (item, failure) = await LoadForWriteAsync(id, expectedVersion);
        if (item is null)
        {
            return failure!;
        }

        var versionBefore = item.Version;
        var result = await change(item);

        // A refused publish keeps what was done before it (the draft of "Gem og udgiv").
        if (result.Outcome is not (EditOutcome.Done or EditOutcome.Refused) || !db.ChangeTracker.HasChanges())
        {
            return result;
        }

        // One write, one step of the version, however many things the change did.
        item.Version = versionBefore + 1;
        var saved = await SaveAsync(item, result.Revision);
        return saved.Succeeded && result.Outcome == EditOutcome.Refused ? result with { Item = item, Revision = item.CurrentRevision } : saved;
    }

    /// <summary>Adds a revision with what the editor typed, unless it is exactly the newest one already.</summary>
    private async Task<EditResult> AddRevisionAsync(ContentItem item, RevisionInput input, AuditAction action, EditorRef user)
    {
        // Only kinds with their own address choose it; the others keep theirs whatever the form says.
        if (!ContentKinds.Of(item.Kind).HasOwnAddress)
        {
            input = input with { Slug = item.CurrentRevision!.Slug };
        }

        var (clean, errors) = RevisionValidator.Validate(input, item.Kind);
        if (clean is null)
        {
            return EditResult.Invalid(errors);
        }

        if (ContentKinds.Of(item.Kind).HasOwnAddress && await SlugTakenAsync(item.Kind, clean.Slug!, item.Id) is { } taken)
        {
            return EditResult.Invalid(new Dictionary<string, string> { [RevisionFields.Slug] = taken });
        }

        if (await UnknownBearingsAsync(clean) is { } unknown)
        {
            return EditResult.Invalid(new Dictionary<string, string> { [RevisionFields.Bearings] = unknown });
        }

        // Saving what is already there adds nothing: no empty revisions, no noise in the log.
        if (clean with { ChangeNote = null } == RevisionInput.From(item.CurrentRevision!) && action == AuditAction.Saved)
        {
            return EditResult.Done(item, item.CurrentRevision);
        }

        var revision = NewRevision(clean, await NextNumberAsync(item), user);
        item.Revisions.Add(revision);
        item.CurrentRevision = revision;
        Touch(item, user);
        Audit(action, item, revision.Title, user, Describe(revision));
        return EditResult.Done(item, revision);
    }

    /// <summary>Null <paramref name="expectedVersion"/>: whatever version it has (a schedule, not a form).</summary>
    internal async Task<(ContentItem? Item, EditResult? Failure)> LoadForWriteAsync(int id, int? expectedVersion)
    {
        var item = await FindAsync(id);
        if (item is null)
        {
            return (null, EditResult.NotFound());
        }

        return expectedVersion is null || item.Version == expectedVersion ? (item, null) : (null, EditResult.Conflict(item));
    }

    /// <summary>
    /// The number the item's next revision takes. Both languages share the numbering; only the
    /// highest number is read, not the revisions.
    /// </summary>
    internal async Task<int> NextNumberAsync(ContentItem item) =>
        (await db.Revisions.Where(r => r.ContentItemId == item.Id).MaxAsync(r => (int?)r.Number) ?? 0) + 1;

    /// <summary>One of the item's revisions, of either language, by its number.</summary>
    internal Task<ContentRevision?> RevisionAsync(ContentItem item, int number) =>
        db.Revisions.SingleOrDefaultAsync(r => r.ContentItemId == item.Id && r.Number == number);

    /// <summary>
    /// Saves, letting the version column catch a writer who got in between our read and this write.
    /// A change the public site shows goes through the publish pipeline on its own (<see cref="PublishPipeline"/>).
    /// </summary>
    internal async Task<EditResult> SaveAsync(ContentItem item, ContentRevision? revision = null)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await FindAsync(item.Id);
            return current is null ? EditResult.NotFound() : EditResult.Conflict(current);
        }

        return EditResult.Done(item, revision);
    }

    internal ContentRevision NewRevision(RevisionInput clean, int number, EditorRef user)
    {
        var revision = new ContentRevision
        {
            Number = number,
            Title = clean.Title!,
            Slug = clean.Slug!,
            LeadMarkdown = clean.Lead ?? "",
            BodyMarkdown = clean.Body ?? "",
            Bearing = clean.Bearing?.ToDetails(),
            Course = clean.Course?.ToDetails(),
            ChangeNote = clean.ChangeNote,
            CreatedAt = Now,
            CreatedBy = user.Name,
            CreatedById = user.Id,
        };
        renderer.Render(revision);
        return revision;
    }

    internal void Touch(ContentItem item, EditorRef user)
    {
        item.UpdatedAt = Now;
        item.UpdatedBy = user.Name;
    }

    /// <summary>An entry in the audit log, saved with the change it describes. <paramref name="item"/>: null for a change to no one item.</summary>
    internal void Audit(AuditAction action, ContentItem? item, string title, EditorRef user, string details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = Now,
            User = user.Name,
            UserId = user.Id,
            Action = action,
            ContentItemId = item is { Id: > 0 } ? item.Id : null,
            ItemTitle = title,
            Details = details,
        });

    private static string Describe(ContentRevision revision) =>
        revision.ChangeNote is null ? $"Version {revision.Number}." : $"Version {revision.Number}: {revision.ChangeNote}";

    /// <summary>Null when every bearing the course names exists; otherwise why not, in Danish.</summary>
    private async Task<string?> UnknownBearingsAsync(RevisionInput clean)
    {
        if (clean.Course is not { BearingKeyList.Count: > 0 } course)
        {
            return null;
        }

        var bearingKinds = ContentKinds.With(ContentPart.Bearing);
        var known = await db.Items.Where(i => bearingKinds.Contains(i.Kind)).Select(i => i.Key).ToListAsync();
        var unknown = course.BearingKeyList.Where(k => !known.Contains(k)).ToList();
        return unknown.Count == 0 ? null : $"Pejlemærket »{string.Join("«, »", unknown)}« findes ikke.";
    }
}
