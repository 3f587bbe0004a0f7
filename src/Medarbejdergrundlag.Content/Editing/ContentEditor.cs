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
/// </summary>
public sealed class ContentEditor(ContentDbContext db, RevisionRenderer renderer, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<ContentItem?> FindAsync(int id) =>
        db.Items.Include(i => i.CurrentRevision).Include(i => i.PublishedRevision)
            .Include(i => i.CurrentEnglishRevision).Include(i => i.PublishedEnglishRevision)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id);

    public async Task<EditResult> CreateAsync(ContentKind kind, RevisionInput input, EditorRef user)
    {
        var (clean, errors) = RevisionValidator.Validate(input with { Slug = RevisionValidator.HasOwnAddress(kind) ? input.Slug : null }, kind);
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
    /// Either both the new revision and the publish are written, or neither.
    /// </summary>
    /// <param name="material">
    /// "Væsentlig ændring": readers who confirmed the charter before ask to read and confirm again.
    /// Only charter sections, legs and bearings can be material; for other kinds it is ignored.
    /// </param>
    public Task<EditResult> SaveAndPublishAsync(int id, int expectedVersion, RevisionInput input, EditorRef user, bool material = false) =>
        PortalMetrics.CountPublish(WriteAsync(id, expectedVersion, async item =>
            await AddRevisionAsync(item, input, AuditAction.Saved, user) is { Succeeded: false } refused
                ? refused
                : await PublishCurrentAsync(item, user, material)));

    /// <summary>
    /// An old Danish revision's text becomes a new draft. History stays as it was. English revisions
    /// share the numbering, so a number that is an English revision is refused, never restored as Danish
    /// (<see cref="TranslationEditor.RestoreAsync"/> restores those).
    /// </summary>
    public Task<EditResult> RestoreAsync(int id, int revisionNumber, int expectedVersion, EditorRef user) =>
        WriteAsync(id, expectedVersion, item => item.Revisions.SingleOrDefault(r => r.Number == revisionNumber) switch
        {
            null => Task.FromResult(EditResult.NotFound()),
            { Language: not PortalCulture.DanishCode } => Task.FromResult(EditResult.Invalid(
                $"Version {revisionNumber} er en engelsk oversættelse, ikke en dansk version. Gendan den fra oversættelsens historik.")),
            var old => AddRevisionAsync(item, RevisionInput.From(old, $"Gendannet fra version {revisionNumber}"), AuditAction.Restored, user),
        });

    public Task<EditResult> PublishAsync(int id, int expectedVersion, EditorRef user, bool material = false) =>
        PortalMetrics.CountPublish(WriteAsync(id, expectedVersion, item => PublishCurrentAsync(item, user, material)));

    /// <summary>
    /// Points the public site at the item's newest revision, keeping its old address working, and
    /// stamps the revision with when it was published and whether the change is material.
    /// </summary>
    private Task<EditResult> PublishCurrentAsync(ContentItem item, EditorRef user, bool material) =>
        PublishRevisionAsync(item, item.CurrentRevision!, user, note: null, material);

    /// <summary>
    /// A scheduled publish (<see cref="Scheduling.ScheduleRunner"/>): the revision the schedule was made
    /// for, whatever has been saved since, on the same path as a publish by hand. No version check:
    /// the schedule binds to a revision, not to the form an editor had open.
    /// </summary>
    internal Task<EditResult> PublishScheduledAsync(int id, int revisionId, EditorRef scheduledBy, string note) =>
        PortalMetrics.CountPublish(WriteAsync(id, expectedVersion: null, item => item.Revisions.SingleOrDefault(r => r.Id == revisionId) is { } revision
            ? PublishRevisionAsync(item, revision, scheduledBy, note, material: false)
            : Task.FromResult(EditResult.Invalid("Den planlagte version findes ikke."))), scheduled: true);

    /// <summary>A scheduled archive, on the same path as archiving by hand.</summary>
    internal Task<EditResult> ArchiveScheduledAsync(int id, EditorRef scheduledBy, string note) =>
        WriteAsync(id, expectedVersion: null, item => Task.FromResult(Archive(item, archived: true, scheduledBy, note)));

    private async Task<EditResult> PublishRevisionAsync(ContentItem item, ContentRevision draft, EditorRef user, string? note, bool material)
    {
        if (ReferenceEquals(draft, item.PublishedRevision) || (draft.Id != 0 && draft.Id == item.PublishedRevisionId))
        {
            return EditResult.Invalid("Der er ingen ændringer at udgive. Den udgivne version er allerede den nyeste.");
        }

        if (item.PublishedRevision is { } live && live.Number > draft.Number)
        {
            return EditResult.Invalid($"Version {live.Number} er allerede udgivet, og den er nyere end version {draft.Number}. Den ældre version er ikke udgivet.");
        }

        var oldSlug = item.PublishedRevision?.Slug;
        if (RevisionValidator.HasOwnAddress(item.Kind))
        {
            if (await SlugTakenAsync(item.Kind, draft.Slug, item.Id) is { } taken)
            {
                return EditResult.Invalid(new Dictionary<string, string> { [RevisionFields.Slug] = taken });
            }

            await KeepOldAddressAsync(item, oldSlug, draft.Slug);
        }

        item.PublishedRevision = draft;
        draft.PublishedAt = Now;
        draft.IsMaterialChange = material && Confirmations.CharterVersion.IsCharterKind(item.Kind);
        Touch(item, user);
        MarkReviewed(item, user);
        HoldExpiry(item);
        var moved = oldSlug is not null && oldSlug != draft.Slug ? $" Adressen er flyttet fra »{oldSlug}« til »{draft.Slug}«." : "";
        var weight = !Confirmations.CharterVersion.IsCharterKind(item.Kind) ? ""
            : draft.IsMaterialChange ? " Væsentlig ændring: læserne bliver bedt om at bekræfte igen." : " Mindre ændring.";
        var details = $"Version {draft.Number}.{moved}{weight}";
        Audit(AuditAction.Published, item, draft.Title, user, note is null ? details : $"{note} {details}");
        return EditResult.Done(item, draft);
    }

    /// <summary>A publish or a review: the next review is due 12 months on (Copenhagen's date).</summary>
    internal void MarkReviewed(ContentItem item, EditorRef user)
    {
        item.LastReviewedAt = Now;
        item.LastReviewedBy = user.Name;
        item.ReviewBy = DateOnly.FromDateTime(Now.ToCopenhagen()).AddMonths(ReviewMonths);
    }

    /// <summary>How long a publish or a review holds before the item is due for review again.</summary>
    public const int ReviewMonths = 12;

    /// <summary>Archiving hides an item from the public site; nothing is deleted, and it can be brought back.</summary>
    public Task<EditResult> SetArchivedAsync(int id, bool archived, int expectedVersion, EditorRef user) =>
        WriteAsync(id, expectedVersion, item => Task.FromResult(Archive(item, archived, user, note: null)));

    private EditResult Archive(ContentItem item, bool archived, EditorRef user, string? note)
    {
        if (item.IsArchived == archived)
        {
            return EditResult.Invalid(archived ? "Indholdet er allerede arkiveret." : "Indholdet er ikke arkiveret.");
        }

        item.IsArchived = archived;
        if (!archived)
        {
            HoldExpiry(item);
        }

        Touch(item, user);
        Audit(archived ? AuditAction.Archived : AuditAction.Unarchived, item, item.CurrentRevision!.Title, user, note ?? "");
        return EditResult.Done(item);
    }

    /// <summary>
    /// A course an editor publishes or brings back is not archived again at once for a last date that
    /// has already ended (<see cref="Scheduling.CourseExpiry"/>); only a later last date expires it.
    /// </summary>
    internal void HoldExpiry(ContentItem item)
    {
        if (item.Kind == ContentKind.Course && !(item.ExpiryHandledThrough >= Now))
        {
            item.ExpiryHandledThrough = Now;
        }
    }

    /// <summary>Swaps the item with its neighbour among the items of its kind (offset -1: up, +1: down).</summary>
    public async Task<EditResult> MoveAsync(int id, int offset, EditorRef user)
    {
        var item = await FindAsync(id);
        if (item is null)
        {
            return EditResult.NotFound();
        }

        var siblings = await db.Items.Where(i => i.Kind == item.Kind && !i.IsArchived)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync();
        var index = siblings.FindIndex(i => i.Id == id);
        var target = index + Math.Sign(offset);
        if (index < 0 || target < 0 || target >= siblings.Count)
        {
            return EditResult.Invalid(offset < 0 ? "Det er allerede det første." : "Det er allerede det sidste.");
        }

        // Renumber the whole kind so equal or missing sort orders can never make a move a no-op.
        (siblings[index], siblings[target]) = (siblings[target], siblings[index]);
        for (var i = 0; i < siblings.Count; i++)
        {
            if (siblings[i].SortOrder != i + 1)
            {
                siblings[i].SortOrder = i + 1;
                siblings[i].Version++;
            }
        }

        Touch(item, user);
        Audit(AuditAction.Reordered, item, item.CurrentRevision!.Title, user,
            $"Flyttet {(offset < 0 ? "op" : "ned")} til plads {target + 1} af {siblings.Count}.");
        return await SaveAsync(item);
    }

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
        if (!result.Succeeded || !db.ChangeTracker.HasChanges())
        {
            return result;
        }

        // One write, one step of the version, however many things the change did.
        item.Version = versionBefore + 1;
        return await SaveAsync(item, result.Revision);
    }

    /// <summary>Adds a revision with what the editor typed, unless it is exactly the newest one already.</summary>
    private async Task<EditResult> AddRevisionAsync(ContentItem item, RevisionInput input, AuditAction action, EditorRef user)
    {
        // Only bearings choose their address; the others keep theirs whatever the form says.
        if (!RevisionValidator.HasOwnAddress(item.Kind))
        {
            input = input with { Slug = item.CurrentRevision!.Slug };
        }

        var (clean, errors) = RevisionValidator.Validate(input, item.Kind);
        if (clean is null)
        {
            return EditResult.Invalid(errors);
        }

        if (RevisionValidator.HasOwnAddress(item.Kind) && await SlugTakenAsync(item.Kind, clean.Slug!, item.Id) is { } taken)
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

        var revision = NewRevision(clean, item.Revisions.Max(r => r.Number) + 1, user);
        item.Revisions.Add(revision);
        item.CurrentRevision = revision;
        Touch(item, user);
        Audit(action, item, revision.Title, user, Describe(revision));
        return EditResult.Done(item, revision);
    }

    /// <summary>Null <paramref name="expectedVersion"/>: whatever version it has (a schedule, not a form).</summary>
    internal async Task<(ContentItem? Item, EditResult? Failure)> LoadForWriteAsync(int id, int? expectedVersion)
    {
        var item = await db.Items
            .Include(i => i.CurrentRevision)
            .Include(i => i.PublishedRevision)
            .Include(i => i.Revisions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id);
        if (item is null)
        {
            return (null, EditResult.NotFound());
        }

        return expectedVersion is null || item.Version == expectedVersion ? (item, null) : (null, EditResult.Conflict(item));
    }

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

    /// <summary>
    /// Returns why the slug cannot be used, or null. A slug is taken when another item of the same
    /// kind has it now, in a draft, or had it once: an old link must never start showing something else.
    /// </summary>
    private async Task<string?> SlugTakenAsync(ContentKind kind, string slug, int? itemId)
    {
        var inUse = await db.Items.AnyAsync(i => i.Kind == kind && i.Id != itemId &&
            ((i.CurrentRevision != null && i.CurrentRevision.Slug == slug) || (i.PublishedRevision != null && i.PublishedRevision.Slug == slug)));
        if (inUse)
        {
            return $"Adressen »{slug}« bruges allerede af noget andet indhold. Vælg en anden.";
        }

        var formerly = await db.SlugRedirects.AnyAsync(r => r.Kind == kind && r.Slug == slug && r.ContentItemId != itemId);
        return formerly
            ? $"Adressen »{slug}« har tidligere ført til noget andet indhold, og gamle links dertil skal blive ved med at virke. Vælg en anden."
            : null;
    }

    /// <summary>The old address answers with a redirect to the item; an address the item takes back is live again.</summary>
    internal async Task KeepOldAddressAsync(ContentItem item, string? oldSlug, string newSlug)
    {
        var returning = await db.SlugRedirects.SingleOrDefaultAsync(r => r.Kind == item.Kind && r.Slug == newSlug);
        if (returning is not null)
        {
            db.SlugRedirects.Remove(returning);
        }

        if (oldSlug is not null && oldSlug != newSlug &&
            !await db.SlugRedirects.AnyAsync(r => r.Kind == item.Kind && r.Slug == oldSlug))
        {
            db.SlugRedirects.Add(new SlugRedirect { Kind = item.Kind, Slug = oldSlug, ContentItemId = item.Id, CreatedAt = Now });
        }
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

        var known = await db.Items.Where(i => i.Kind == ContentKind.Bearing).Select(i => i.Key).ToListAsync();
        var unknown = course.BearingKeyList.Where(k => !known.Contains(k)).ToList();
        return unknown.Count == 0 ? null : $"Pejlemærket »{string.Join("«, »", unknown)}« findes ikke.";
    }
}
