using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>
/// The publish path: the only code that points an item at a published revision (a backup restore
/// aside). Editors, schedules, the import and the seed all come here, so every publish checks the
/// same things, asks the same gates, stamps the revision, moves the review date, holds a course's
/// expiry, keeps an old address working and writes the audit entry, and its hooks run after the
/// commit. <see cref="PublishPipeline"/> moves the version stamp in the same transaction.
/// </summary>
public sealed partial class ContentEditor
{
    /// <summary>How long a publish or a review holds before the item is due for review again.</summary>
    public const int ReviewMonths = 12;

    public Task<EditResult> PublishAsync(int id, int expectedVersion, EditorRef user, bool material = false, string? checksOverride = null) =>
        PortalMetrics.CountPublish(WriteAsync(id, expectedVersion, item => PublishAsync(new PublishRequest(item, item.CurrentRevision!, user, material, PublishSource.Editor, Trimmed(checksOverride)), note: null)));

    /// <summary>
    /// A scheduled publish (<see cref="Scheduling.ScheduleRunner"/>): the revision the schedule was made
    /// for, whatever has been saved since, on the same path as a publish by hand. No version check:
    /// the schedule binds to a revision, not to the form an editor had open.
    /// </summary>
    internal Task<EditResult> PublishScheduledAsync(int id, int revisionId, EditorRef scheduledBy, string note) =>
        PortalMetrics.CountPublish(WriteAsync(id, expectedVersion: null, async item => await db.Revisions.SingleOrDefaultAsync(r => r.Id == revisionId && r.ContentItemId == id) is { } revision
            ? await PublishAsync(new PublishRequest(item, revision, scheduledBy, Material: false, PublishSource.Schedule), note)
            : EditResult.Invalid("Den planlagte version findes ikke.")), scheduled: true);

    /// <summary>
    /// A scheduled publish's whole path (a new revision, the gates, the save, the stamp) for the
    /// start-up warm-up (<see cref="Scheduling.ScheduleRunner.WarmUpAsync"/>), inside the caller's
    /// transaction, which rolls it back: nothing stays, and nothing is counted as a publish.
    /// </summary>
    internal Task<EditResult> RehearsePublishAsync(int id, RevisionInput input, EditorRef by) =>
        WriteAsync(id, expectedVersion: null, async item =>
            await AddRevisionAsync(item, input, AuditAction.Saved, by) is { Succeeded: false } refused
                ? refused
                : await PublishAsync(new PublishRequest(item, item.CurrentRevision!, by, Material: false, PublishSource.Schedule), note: "Opvarmning."));

    /// <summary>
    /// Publishes a loaded, tracked item's revision inside the caller's unit of work (the import, the
    /// seed): nothing is saved here, and the caller steps the item's version. Refusals, a gate's
    /// included, come back as the result and leave the item as it was.
    /// </summary>
    internal Task<EditResult> PublishInBatchAsync(PublishRequest request, string note) => PublishAsync(request, note);

    private async Task<EditResult> PublishAsync(PublishRequest request, string? note)
    {
        var (item, draft, user) = (request.Item, request.Revision, request.By);
        if (ReferenceEquals(draft, item.PublishedRevision) || (draft.Id != 0 && draft.Id == item.PublishedRevisionId))
        {
            return EditResult.Invalid("Der er ingen ændringer at udgive. Den udgivne version er allerede den nyeste.");
        }

        if (item.PublishedRevision is { } live && live.Number > draft.Number)
        {
            return EditResult.Invalid($"Version {live.Number} er allerede udgivet, og den er nyere end version {draft.Number}. Den ældre version er ikke udgivet.");
        }

        var ownAddress = ContentKinds.Of(item.Kind).HasOwnAddress;
        if (ownAddress && await SlugTakenAsync(item.Kind, draft.Slug, item.Id) is { } taken)
        {
            return EditResult.Invalid(new Dictionary<string, string> { [RevisionFields.Slug] = taken });
        }

        // "Send til godkendelse" recorded whether the author called the change material: whoever publishes
        // it (the approver, a schedule) publishes it as such, and the approval gate holds it until approved.
        var requestedMaterial = !request.Material && draft.Id != 0 && await db.ApprovalRequests.AnyAsync(a => a.RevisionId == draft.Id && a.Material);
        request = request with { Material = (request.Material || requestedMaterial) && ContentKinds.Of(item.Kind).PartOfCharter };
        var reasons = new List<string>();
        foreach (var gate in gates)
        {
            reasons.AddRange(await gate.CheckAsync(request));
        }

        if (reasons.Count > 0)
        {
            return EditResult.Refused(item, reasons);
        }

        var oldSlug = item.PublishedRevision?.Slug;
        if (ownAddress)
        {
            await KeepOldAddressAsync(item, oldSlug, draft.Slug);
        }

        item.PublishedRevision = draft;
        draft.PublishedAt = Now;
        draft.IsMaterialChange = request.Material;
        draft.ChecksOverrideReason = request.ChecksOverride;
        Touch(item, user);
        HoldExpiry(item);
        var moved = oldSlug is not null && oldSlug != draft.Slug ? $" Adressen er flyttet fra »{oldSlug}« til »{draft.Slug}«." : "";
        var weight = !ContentKinds.Of(item.Kind).PartOfCharter ? ""
            : draft.IsMaterialChange ? " Væsentlig ændring: læserne bliver bedt om at bekræfte igen." : " Mindre ændring.";
        var details = $"Version {draft.Number}.{moved}{weight}";

        // The seed is nobody's action: nobody reviewed it, and the audit log starts with the editors' own.
        if (request.Source != PublishSource.Seed)
        {
            MarkReviewed(item, user);
            var overridden = request.ChecksOverride is { } reason ? $" Udgivet trods indholdstjekket, med begrundelsen: »{reason}«." : "";
            Audit(AuditAction.Published, item, draft.Title, user, (note is null ? details : $"{note} {details}") + overridden);
        }

        foreach (var hook in hooks)
        {
            await hook.PublishingAsync(request, db);
        }

        db.PendingPublishes.Add(request);
        return EditResult.Done(item, draft);
    }

    /// <summary>An editor's reason, if they gave one: at most 500 characters, blank is none.</summary>
    private static string? Trimmed(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() is { Length: > 500 } longReason ? longReason[..500] : reason.Trim();

    /// <summary>A publish or a review: the next review is due 12 months on (Copenhagen's date).</summary>
    internal void MarkReviewed(ContentItem item, EditorRef user)
    {
        item.LastReviewedAt = Now;
        item.LastReviewedBy = user.Name;
        item.ReviewBy = DateOnly.FromDateTime(Now.ToCopenhagen()).AddMonths(ReviewMonths);
    }

    /// <summary>
    /// A course an editor publishes or brings back is not archived again at once for a last date that
    /// has already ended (<see cref="Scheduling.CourseExpiry"/>); only a later last date expires it.
    /// </summary>
    internal void HoldExpiry(ContentItem item)
    {
        if (ContentKinds.Of(item.Kind).Expires && !(item.ExpiryHandledThrough >= Now))
        {
            item.ExpiryHandledThrough = Now;
        }
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
    private async Task KeepOldAddressAsync(ContentItem item, string? oldSlug, string newSlug)
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
}
