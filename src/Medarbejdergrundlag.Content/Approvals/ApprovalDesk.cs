using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Approvals;

/// <summary>An approval request as the edit page and the overview show it.</summary>
/// <param name="Applies">False when a newer revision was saved since: the request does not apply to it.</param>
public sealed record ApprovalView(ApprovalRequest Request, int RevisionNumber, bool Applies);

/// <summary>A pending request on the approvers' overview, with what it changes against the published text.</summary>
public sealed record PendingApproval(int RequestId, int ItemId, string ItemTitle, int RevisionNumber, string RequestedBy, string? Note, bool Material, IReadOnlyList<DiffLine> Diff);

/// <summary>
/// "Send til godkendelse", "Godkend", "Godkend og udgiv" and "Send tilbage" (issue 27). Like
/// schedules, requests and decisions change nothing the readers see, so they leave the item's version
/// alone; the publish of "Godkend og udgiv" is the one publish path's. Every step is audited with who
/// (subject id and name) and the note. Whether the user is an approver is the caller's policy; that
/// nobody approves their own work is checked here, whatever the form said.
/// </summary>
public sealed class ApprovalDesk(ContentDbContext db, ContentEditor editor, TimeProvider clock)
{
    public const int MaxNote = 1000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Sends the item's saved Danish draft, revision <paramref name="revisionNumber"/>, to approval.</summary>
    public async Task<EditResult> RequestAsync(int itemId, int revisionNumber, bool material, string? note, EditorRef user)
    {
        if (await editor.FindAsync(itemId) is not { } item)
        {
            return EditResult.NotFound();
        }

        if (item.CurrentRevision is not { } draft || draft.Number != revisionNumber)
        {
            return EditResult.Invalid("Der er gemt en nyere version, mens du så på siden. Se den igennem, og send den så til godkendelse.");
        }

        if (draft.Id == item.PublishedRevisionId)
        {
            return EditResult.Invalid("Den gemte version er allerede udgivet. Gem ændringerne som kladde, og send så kladden til godkendelse.");
        }

        if (Clean(note) is not (true, var clean))
        {
            return EditResult.Invalid($"Bemærkningen må højst være {MaxNote} tegn.");
        }

        if (await db.ApprovalRequests.AnyAsync(a => a.RevisionId == draft.Id && a.State != ApprovalState.Returned))
        {
            return EditResult.Invalid($"Version {draft.Number} er allerede sendt til godkendelse.");
        }

        db.ApprovalRequests.Add(new ApprovalRequest
        {
            ContentItemId = item.Id,
            RevisionId = draft.Id,
            Material = material && ContentKinds.Of(item.Kind).PartOfCharter,
            Note = clean,
            RequestedAt = Now,
            RequestedBy = user.Name,
            RequestedById = user.Id,
            State = ApprovalState.Pending,
        });
        editor.Audit(AuditAction.ApprovalRequested, item, draft.Title, user, Details(draft.Number, clean));
        await db.SaveChangesAsync();
        return EditResult.Done(item, draft);
    }

    /// <summary>
    /// Approves a pending request; with <paramref name="publish"/> ("Godkend og udgiv") the revision is then
    /// published on the one publish path, as material when the author called it so.
    /// </summary>
    public async Task<EditResult> ApproveAsync(int requestId, EditorRef approver, bool publish)
    {
        var (request, item, failure) = await PendingAsync(requestId);
        if (failure is not null)
        {
            return failure;
        }

        if (await OwnWorkAsync(item!, request!, approver) is { } own)
        {
            return EditResult.Invalid(own);
        }

        Decide(request!, ApprovalState.Approved, approver, null);
        editor.Audit(AuditAction.Approved, item, item!.CurrentRevision!.Title, approver, Details(item.CurrentRevision.Number, null));
        await db.SaveChangesAsync();
        return publish ? await editor.PublishAsync(item.Id, item.Version, approver, request!.Material) : EditResult.Done(item, item.CurrentRevision);
    }

    /// <summary>"Send tilbage": the author sees the comment on the item; a comment is required.</summary>
    public async Task<EditResult> ReturnAsync(int requestId, EditorRef approver, string? comment)
    {
        var (request, item, failure) = await PendingAsync(requestId);
        if (failure is not null)
        {
            return failure;
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return EditResult.Invalid("Skriv en kommentar til forfatteren: hvad skal ændres?");
        }

        if (Clean(comment) is not (true, var clean))
        {
            return EditResult.Invalid($"Kommentaren må højst være {MaxNote} tegn.");
        }

        Decide(request!, ApprovalState.Returned, approver, clean);
        editor.Audit(AuditAction.ApprovalReturned, item, item!.CurrentRevision!.Title, approver, Details(item.CurrentRevision.Number, clean));
        await db.SaveChangesAsync();
        return EditResult.Done(item, item.CurrentRevision);
    }

    /// <summary>The item's newest request, if any, and whether it still applies to the saved draft.</summary>
    public async Task<ApprovalView?> ForItemAsync(ContentItem item)
    {
        var request = await db.ApprovalRequests.AsNoTracking().Include(a => a.Revision)
            .Where(a => a.ContentItemId == item.Id).OrderByDescending(a => a.Id).FirstOrDefaultAsync();
        return request is null ? null : new ApprovalView(request, request.Revision!.Number, request.RevisionId == item.CurrentRevisionId);
    }

    /// <summary>
    /// Why <paramref name="approver"/> may not approve: they wrote the revision, or saved a revision of
    /// the item since its last publish (their words may be in it). Null when they may.
    /// </summary>
    public async Task<string?> OwnWorkAsync(ContentItem item, ApprovalRequest request, EditorRef approver)
    {
        var since = item.PublishedRevision?.Number ?? 0;
        var wrote = await db.Revisions.AnyAsync(r => r.ContentItemId == item.Id && r.CreatedById == approver.Id
            && (r.Id == request.RevisionId || r.Number > since));
        return wrote
            ? "Du kan ikke godkende denne ændring, fordi du selv har skrevet en version af den siden sidste udgivelse. En anden godkender skal godkende den."
            : null;
    }

    /// <summary>
    /// Pending requests whose revision is still the saved draft, oldest first, for the approvers' overview,
    /// with the word diff against what is published.
    /// </summary>
    public async Task<List<PendingApproval>> PendingAsync()
    {
        var pending = await db.ApprovalRequests.AsNoTracking()
            .Where(a => a.State == ApprovalState.Pending && a.ContentItem!.CurrentRevisionId == a.RevisionId)
            .OrderBy(a => a.RequestedAt).ThenBy(a => a.Id)
            .Select(a => new { Request = a, a.Revision, Published = a.ContentItem!.PublishedRevision })
            .ToListAsync();
        return pending.Select(p => new PendingApproval(
            p.Request.Id, p.Request.ContentItemId, p.Revision!.Title, p.Revision.Number, p.Request.RequestedBy, p.Request.Note, p.Request.Material,
            p.Published is null ? [] : RevisionDiff.Compare(p.Published, p.Revision))).ToList();
    }

    private async Task<(ApprovalRequest? Request, ContentItem? Item, EditResult? Failure)> PendingAsync(int requestId)
    {
        var request = await db.ApprovalRequests.SingleOrDefaultAsync(a => a.Id == requestId);
        if (request is null || await editor.FindAsync(request.ContentItemId) is not { } item)
        {
            return (null, null, EditResult.NotFound());
        }

        if (request.State != ApprovalState.Pending)
        {
            return (null, null, EditResult.Invalid("Anmodningen er allerede afgjort."));
        }

        return item.CurrentRevisionId != request.RevisionId
            ? (null, null, EditResult.Invalid("Der er gemt en nyere version efter anmodningen, så den gælder ikke længere. Den nye version skal sendes til godkendelse."))
            : (request, item, null);
    }

    private void Decide(ApprovalRequest request, ApprovalState state, EditorRef by, string? note)
    {
        request.State = state;
        request.DecidedAt = Now;
        request.DecidedBy = by.Name;
        request.DecidedById = by.Id;
        request.DecisionNote = note;
    }

    private static (bool Ok, string? Clean) Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? (true, null) : text.Trim() is { Length: <= MaxNote } trimmed ? (true, trimmed) : (false, null);

    private static string Details(int number, string? note) => note is null ? $"Version {number}." : $"Version {number}: {note}";
}
