using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Scheduling;

/// <summary>
/// What editors do with schedules: make one, move its time, cancel it, and dismiss one that
/// failed. Scheduling changes nothing the public site shows, so it leaves the item's version alone
/// (an edit form open elsewhere stays valid); each schedule has a version of its own. Every step
/// is audited. The run itself is <see cref="ScheduleRunner"/>'s.
/// </summary>
public sealed class PublishSchedule(ContentDbContext db, ContentEditor editor, TimeProvider clock)
{
    /// <summary>The form field a time error belongs to.</summary>
    public const string WhenField = "When";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>An item's schedules that still concern editors: pending, and failed ones nobody has dealt with.</summary>
    public Task<List<ScheduledAction>> OpenForItemAsync(int itemId) =>
        Open().Where(s => s.ContentItemId == itemId).ToListAsync();

    /// <summary>
    /// Every pending and failed schedule, soonest first, as the overview lists them: the item's title
    /// and the revision's number, not their texts (the overview is read often, and a schedule on a
    /// long page would otherwise load its whole Markdown and HTML at every view).
    /// </summary>
    public Task<List<OpenSchedule>> OpenAsync() => Open()
        .Select(s => new OpenSchedule(
            s.Id, s.Version, s.ContentItemId, s.ContentItem!.CurrentRevision!.Title, s.Kind, s.State, s.DueAt, (int?)s.Revision!.Number, s.ScheduledBy, s.Failure))
        .ToListAsync();

    private IQueryable<ScheduledAction> Open() => db.ScheduledActions.AsNoTracking()
        .Include(s => s.Revision)
        .Where(s => s.State == ScheduleState.Pending || s.State == ScheduleState.Failed)
        .OrderBy(s => s.DueAt).ThenBy(s => s.Id);

    /// <summary>Schedules a publish of the item's revision number <paramref name="revisionNumber"/> at a Copenhagen wall-clock time.</summary>
    public async Task<EditResult> SchedulePublishAsync(int itemId, int revisionNumber, string? localTime, EditorRef user)
    {
        if (await editor.FindAsync(itemId) is not { } item)
        {
            return EditResult.NotFound();
        }

        var revision = await db.Revisions.SingleOrDefaultAsync(r => r.ContentItemId == itemId && r.Number == revisionNumber);
        if (revision is null)
        {
            return EditResult.Invalid($"Version {revisionNumber} findes ikke.");
        }

        if (revision.Id == item.PublishedRevisionId)
        {
            return EditResult.Invalid($"Version {revisionNumber} er allerede udgivet. Gem en kladde med ændringerne først.");
        }

        if (item.PublishedRevision is { } live && live.Number > revision.Number)
        {
            return EditResult.Invalid($"Version {live.Number} er allerede udgivet og er nyere end version {revisionNumber}.");
        }

        return await AddAsync(item, ScheduledActionKind.Publish, revision, localTime, user);
    }

    /// <summary>Schedules archiving the item (taking it off the public site) at a Copenhagen wall-clock time.</summary>
    public async Task<EditResult> ScheduleArchiveAsync(int itemId, string? localTime, EditorRef user)
    {
        if (await editor.FindAsync(itemId) is not { } item)
        {
            return EditResult.NotFound();
        }

        if (item.IsArchived)
        {
            return EditResult.Invalid("Indholdet er allerede arkiveret.");
        }

        return await AddAsync(item, ScheduledActionKind.Archive, null, localTime, user);
    }

    private async Task<EditResult> AddAsync(ContentItem item, ScheduledActionKind kind, ContentRevision? revision, string? localTime, EditorRef user)
    {
        var (due, error) = ParseFuture(localTime);
        if (due is null)
        {
            return EditResult.Invalid(new Dictionary<string, string> { [WhenField] = error! });
        }

        if (await db.ScheduledActions.AnyAsync(s => s.ContentItemId == item.Id && s.Kind == kind && s.State == ScheduleState.Pending))
        {
            return EditResult.Invalid(kind == ScheduledActionKind.Publish
                ? "Der er allerede planlagt en udgivelse af dette indhold. Flyt den, eller annullér den først."
                : "Der er allerede planlagt en arkivering af dette indhold. Flyt den, eller annullér den først.");
        }

        db.ScheduledActions.Add(new ScheduledAction
        {
            ContentItemId = item.Id,
            Kind = kind,
            RevisionId = revision?.Id,
            DueAt = due.Value,
            State = ScheduleState.Pending,
            ScheduledAt = Now,
            ScheduledBy = user.Name,
            ScheduledById = user.Id,
            Version = 1,
        });
        editor.Audit(AuditAction.Scheduled, item, item.CurrentRevision!.Title, user,
            $"{Capitalize(ScheduleText.What(kind, revision?.Number))} er planlagt til {ScheduleText.When(due.Value)}.");
        await db.SaveChangesAsync();
        return EditResult.Done(item);
    }

    /// <summary>Moves a pending schedule to another time.</summary>
    public Task<EditResult> ChangeAsync(int scheduleId, int expectedVersion, string? localTime, EditorRef user) =>
        WriteAsync(scheduleId, expectedVersion, ScheduleState.Pending, user, (action, item) =>
        {
            var (due, error) = ParseFuture(localTime);
            if (due is null)
            {
                return EditResult.Invalid(new Dictionary<string, string> { [WhenField] = error! });
            }

            var before = action.DueAt;
            action.DueAt = due.Value;
            editor.Audit(AuditAction.Scheduled, item, item.CurrentRevision!.Title, user,
                $"Planlagt {ScheduleText.What(action.Kind, action.Revision?.Number)} er flyttet fra {ScheduleText.When(before)} til {ScheduleText.When(due.Value)}.");
            return EditResult.Done(item);
        });

    /// <summary>
    /// A pending publish made before newer edits publishes the newest draft instead, at the same
    /// time: one step, where cancelling and scheduling again would take two.
    /// </summary>
    public Task<EditResult> ScheduleNewestAsync(int scheduleId, int expectedVersion, EditorRef user) =>
        WriteAsync(scheduleId, expectedVersion, ScheduleState.Pending, user, (action, item) =>
        {
            if (action.Kind != ScheduledActionKind.Publish || item.CurrentRevision is not { } newest)
            {
                return EditResult.Invalid("Kun en planlagt udgivelse kan skifte til den nyeste kladde.");
            }

            if (newest.Id == action.RevisionId)
            {
                return EditResult.Invalid($"Den planlagte udgivelse udgiver allerede den nyeste kladde (version {newest.Number}).");
            }

            if (newest.Id == item.PublishedRevisionId)
            {
                return EditResult.Invalid($"Den nyeste version ({newest.Number}) er allerede udgivet. Annullér planlægningen, eller gem en ny kladde først.");
            }

            var before = action.Revision?.Number;
            action.RevisionId = newest.Id;
            action.Revision = newest;
            editor.Audit(AuditAction.Scheduled, item, newest.Title, user,
                $"Planlagt udgivelse {ScheduleText.When(action.DueAt)} udgiver nu version {newest.Number} i stedet for version {before}.");
            return EditResult.Done(item);
        });

    /// <summary>Cancels a pending schedule; nothing is published.</summary>
    public Task<EditResult> CancelAsync(int scheduleId, int expectedVersion, EditorRef user) =>
        WriteAsync(scheduleId, expectedVersion, ScheduleState.Pending, user, (action, item) =>
        {
            action.State = ScheduleState.Cancelled;
            editor.Audit(AuditAction.ScheduleCancelled, item, item.CurrentRevision!.Title, user,
                $"Planlagt {ScheduleText.What(action.Kind, action.Revision?.Number)} {ScheduleText.When(action.DueAt)} er annulleret.");
            return EditResult.Done(item);
        });

    /// <summary>An editor has seen a failed schedule and dealt with it; it leaves the overview.</summary>
    public Task<EditResult> DismissAsync(int scheduleId, int expectedVersion, EditorRef user) =>
        WriteAsync(scheduleId, expectedVersion, ScheduleState.Failed, user, (action, item) =>
        {
            action.State = ScheduleState.Dismissed;
            editor.Audit(AuditAction.ScheduleCancelled, item, item.CurrentRevision!.Title, user,
                $"Den mislykkede planlagte {ScheduleText.What(action.Kind, action.Revision?.Number)} {ScheduleText.When(action.DueAt)} er markeret som håndteret.");
            return EditResult.Done(item);
        });

    private async Task<EditResult> WriteAsync(int scheduleId, int expectedVersion, ScheduleState required, EditorRef user, Func<ScheduledAction, ContentItem, EditResult> change)
    {
        var action = await db.ScheduledActions.Include(s => s.Revision).SingleOrDefaultAsync(s => s.Id == scheduleId);
        if (action is null || await editor.FindAsync(action.ContentItemId) is not { } item)
        {
            return EditResult.NotFound();
        }

        if (action.Version != expectedVersion || action.State != required)
        {
            return Changed(item);
        }

        var result = change(action, item);
        if (!result.Succeeded)
        {
            return result;
        }

        action.Version++;
        if (action.State is ScheduleState.Cancelled or ScheduleState.Dismissed)
        {
            (action.ClosedBy, action.ClosedAt) = (user.Name, Now);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Changed(item);
        }

        return result;
    }

    private static EditResult Changed(ContentItem item) =>
        EditResult.Invalid("Planlægningen er ændret imens: den er kørt, flyttet eller annulleret. Se siden igen.") with { Item = item };

    /// <summary>A Danish wall-clock time that exists once in Copenhagen and lies ahead; a date alone is its 00:00.</summary>
    private (DateTime? Utc, string? Error) ParseFuture(string? localTime)
    {
        var (utc, error) = CopenhagenTime.ParseLocal(localTime, dateAloneIsMidnight: true);
        if (utc is null)
        {
            return (null, error);
        }

        return utc <= Now
            ? (null, $"{ScheduleText.When(utc.Value)} er allerede passeret. Vælg et tidspunkt frem i tiden.")
            : (utc, null);
    }

    private static string Capitalize(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
