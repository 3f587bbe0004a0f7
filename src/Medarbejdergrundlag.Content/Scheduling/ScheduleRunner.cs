using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Content.Scheduling;

/// <summary>
/// Runs the schedules that are due, exactly once however many instances ask at the same moment.
/// For each due schedule, in one transaction:
/// <list type="number">
/// <item>claim it: <c>UPDATE ScheduledActions SET State = 'Done' … WHERE Id = @id AND State = 'Pending'</c>.
/// One row: this instance has it. A second instance's update waits on the row lock (PostgreSQL,
/// SQL Server) or the write lock (SQLite) and then finds it no longer pending: zero rows, it moves on;</item>
/// <item>publish (or archive) through <see cref="ContentEditor"/>, the same path as a publish by hand,
/// so the publish pipeline moves the version stamp in this transaction and drops the snapshot on commit;</item>
/// <item>commit. If the publish is refused (the address is taken by then, say), nothing is written;
/// the schedule is marked failed in a transaction of its own, with the reason and an audit entry.</item>
/// </list>
/// A crash between claim and commit rolls the claim back, so the schedule runs at the next poll.
/// Courses past their last date (<see cref="CourseExpiry"/>) are archived the same way, claimed on the
/// item's <see cref="ContentItem.ExpiryHandledThrough"/> instead of a schedule row.
/// </summary>
public sealed class ScheduleRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduleRunner> logger)
{
    private const int Batch = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Runs every schedule due now, and archives the courses whose last date has ended. Returns how
    /// many this instance ran (published, archived or found failed).
    /// </summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        List<int> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            var now = Now;
            due = await db.ScheduledActions.AsNoTracking()
                .Where(s => s.State == ScheduleState.Pending && s.DueAt <= now)
                .OrderBy(s => s.DueAt).ThenBy(s => s.Id)
                .Select(s => s.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
        }

        var ran = 0;
        foreach (var id in due)
        {
            if (await RunOneAsync(id, cancellationToken))
            {
                ran++;
            }
        }

        return ran + await ExpireCoursesAsync(cancellationToken);
    }

    /// <summary>Archives the published courses whose last date has ended (unless kept). Returns how many this instance archived.</summary>
    public async Task<int> ExpireCoursesAsync(CancellationToken cancellationToken = default)
    {
        List<CourseExpiryState> due;
        var now = Now;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            due = await CourseExpiry.States(db)
                .Where(s => s.Expires && s.LastEnds <= now)
                .OrderBy(s => s.ItemId)
                .Take(Batch)
                .ToListAsync(cancellationToken);
        }

        var archived = 0;
        foreach (var course in due)
        {
            if (await ExpireOneAsync(course.ItemId, course.LastEnds!.Value, cancellationToken))
            {
                archived++;
            }
        }

        return archived;
    }

    /// <summary>
    /// One course, in one transaction: claim it by moving its <see cref="ContentItem.ExpiryHandledThrough"/>
    /// to this last date (<c>UPDATE ContentItems SET ExpiryHandledThrough=@last WHERE Id=@id AND NOT IsArchived
    /// AND NOT KeepAfterLastDate AND (ExpiryHandledThrough IS NULL OR ExpiryHandledThrough &lt; @last) AND
    /// (SELECT MAX(EndsAt) …) = @last</c>), then archive through <see cref="ContentEditor"/> and commit. A second
    /// instance's update waits on the row and then matches nothing.
    /// </summary>
    private async Task<bool> ExpireOneAsync(int id, DateTime lastEnds, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Items
            .Where(i => i.Id == id && CourseExpiry.Expiring.Contains(i.Kind) && !i.IsArchived && !i.KeepAfterLastDate && i.PublishedRevisionId != null &&
                        (i.ExpiryHandledThrough == null || i.ExpiryHandledThrough < lastEnds) &&
                        db.CourseDates.Where(d => d.ContentItemId == i.Id && !d.IsRemoved).Max(d => (DateTime?)d.EndsAt) == lastEnds)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiryHandledThrough, lastEnds), cancellationToken);
        if (claimed == 0)
        {
            // Another instance archived it, or an editor changed its dates or its choice meanwhile.
            return false;
        }

        var note = $"Arkiveret automatisk efter sidste dato ({ScheduleText.When(lastEnds)}), kørt {ScheduleText.When(now)}. " +
            "Hentes forløbet tilbage, bliver det først arkiveret igen, når et senere hold er slut.";
        var result = await editor.ArchiveScheduledAsync(id, CourseExpiry.Automatic, note);
        if (result.Outcome != EditOutcome.Done)
        {
            // A concurrent edit: roll the claim back and try at the next poll.
            logger.LogInformation("Expiry of course {ItemId} met a concurrent edit ({Outcome}); it runs again at the next poll", id, result.Outcome);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Archived course {ItemId} after its last date {LastEnds:o}", id, lastEnds);
        return true;
    }

    /// <summary>
    /// Before the first poll: the first scheduled publish after a start paid for compiling its
    /// queries and its save (888 ms to commit against 121 ms for the next, measured on PostgreSQL),
    /// so the whole path runs once at start, for a published bearing, in a transaction that is
    /// always rolled back. Nothing is written, counted or announced; the claim's update matches no row.
    /// A failure is only logged: the warm-up never stops the worker. Returns how the rehearsed publish
    /// went (null when there was nothing published to rehearse with, or it failed).
    /// </summary>
    public async Task<EditOutcome?> WarmUpAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
            var target = await db.Items.AsNoTracking()
                .Where(i => i.PublishedRevisionId != null && !i.IsArchived)
                .OrderBy(i => i.Kind == ContentKind.Bearing ? 0 : 1).ThenBy(i => i.Id)
                .Select(i => new { i.Id, i.PublishedRevision })
                .FirstOrDefaultAsync(cancellationToken);
            if (target?.PublishedRevision is not { } published)
            {
                return null;
            }

            var now = Now;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.ScheduledActions
                .Where(s => s.Id == -1 && s.State == ScheduleState.Pending && s.DueAt <= now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.State, ScheduleState.Done)
                    .SetProperty(a => a.RanAt, now)
                    .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
            await db.ScheduledActions.AsNoTracking().Include(s => s.Revision).SingleOrDefaultAsync(s => s.Id == -1, cancellationToken);
            var input = RevisionInput.From(published) with { Body = published.BodyMarkdown + "\n\nOpvarmning.", ChangeNote = null };
            var result = await editor.RehearsePublishAsync(target.Id, input, WarmUpUser);
            // Not cancellable: a shutdown during the rehearsal (a container stopped right after it
            // started) must still undo it, and a cancelled rollback is logged by EF as a failed transaction.
            await transaction.RollbackAsync(CancellationToken.None);
            logger.LogDebug("Warmed up the scheduled publish path ({Outcome})", result.Outcome);
            return result.Outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation(ex, "Warming up the scheduled publish path failed; the first scheduled publish compiles its queries itself");
            return null;
        }
    }

    private static readonly EditorRef WarmUpUser = new("system:opvarmning", "Opvarmning");

    /// <summary>When the next pending schedule is due or the next course expires (UTC), or null.</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var now = Now;
        var schedule = await db.ScheduledActions.AsNoTracking()
            .Where(s => s.State == ScheduleState.Pending)
            .OrderBy(s => s.DueAt)
            .Select(s => (DateTime?)s.DueAt)
            .FirstOrDefaultAsync(cancellationToken);
        var expiry = await CourseExpiry.States(db)
            .Where(s => s.Expires && s.LastEnds > now)
            .OrderBy(s => s.LastEnds)
            .Select(s => s.LastEnds)
            .FirstOrDefaultAsync(cancellationToken);
        return new[] { schedule, expiry }.Min(); // the sooner; Min of nullables skips the nulls
    }

    private async Task<bool> RunOneAsync(int id, CancellationToken cancellationToken)
    {
        string? failure;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
            var now = Now;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.ScheduledActions
                .Where(s => s.Id == id && s.State == ScheduleState.Pending && s.DueAt <= now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.State, ScheduleState.Done)
                    .SetProperty(a => a.RanAt, now)
                    .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
            if (claimed == 0)
            {
                // Another instance ran it, or an editor cancelled or moved it meanwhile.
                return false;
            }

            var action = await db.ScheduledActions.AsNoTracking().Include(s => s.Revision).SingleAsync(s => s.Id == id, cancellationToken);
            var by = new EditorRef(action.ScheduledById, action.ScheduledBy);
            var note = $"{(action.Kind == ScheduledActionKind.Publish ? "Udgivet" : "Arkiveret")} efter planlægning: planlagt af {action.ScheduledBy} " +
                $"{ScheduleText.When(action.ScheduledAt)} til {ScheduleText.When(action.DueAt)}, kørt {ScheduleText.When(now)}.";
            var result = action.Kind == ScheduledActionKind.Publish
                ? await editor.PublishScheduledAsync(action.ContentItemId, action.RevisionId!.Value, by, note)
                : await editor.ArchiveScheduledAsync(action.ContentItemId, by, note);
            switch (result.Outcome)
            {
                case EditOutcome.Done:
                    await transaction.CommitAsync(cancellationToken);
                    PortalMetrics.ScheduledRun(action.Kind, clock.GetUtcNow().UtcDateTime - action.DueAt);
                    logger.LogInformation("Ran schedule {ScheduleId}: {Kind} of item {ItemId}, due {DueAt:o}, claimed {LateMs:F0} ms after, committed in {ElapsedMs:F0} ms",
                        id, action.Kind, action.ContentItemId, action.DueAt, (now - action.DueAt).TotalMilliseconds, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    return true;
                case EditOutcome.Conflict:
                    // An editor saved the item between our read and our write: roll back and try at the next poll.
                    logger.LogInformation("Schedule {ScheduleId} met a concurrent edit; it runs again at the next poll", id);
                    return false;
                default:
                    failure = result.Outcome == EditOutcome.NotFound
                        ? "Indholdet findes ikke længere."
                        : string.Join(" ", result.Errors.Values);
                    break;
            }
        }

        // The refused publish is rolled back (the transaction was disposed uncommitted); record why, once.
        await MarkFailedAsync(id, failure, cancellationToken);
        return true;
    }

    private async Task MarkFailedAsync(int id, string failure, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.ScheduledActions
            .Where(s => s.Id == id && s.State == ScheduleState.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.State, ScheduleState.Failed)
                .SetProperty(a => a.RanAt, now)
                .SetProperty(a => a.Failure, failure.Length > 1000 ? failure[..1000] : failure)
                .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var action = await db.ScheduledActions.AsNoTracking().Include(s => s.Revision).Include(s => s.ContentItem!.CurrentRevision)
            .SingleAsync(s => s.Id == id, cancellationToken);
        editor.Audit(AuditAction.ScheduleFailed, action.ContentItem, action.ContentItem!.CurrentRevision!.Title,
            new EditorRef(action.ScheduledById, action.ScheduledBy),
            $"Planlagt {ScheduleText.What(action.Kind, action.Revision?.Number)} {ScheduleText.When(action.DueAt)} kunne ikke gennemføres: {failure} " +
            $"Planlagt af {action.ScheduledBy}, forsøgt {ScheduleText.When(now)}.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogWarning("Schedule {ScheduleId} of item {ItemId} failed: {Failure}", id, action.ContentItemId, failure);
    }
}
