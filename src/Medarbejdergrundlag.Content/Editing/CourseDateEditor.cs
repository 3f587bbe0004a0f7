using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>
/// Course dates. Dates are operational data: a change is written in place and takes effect at
/// once (the publish pipeline sees it), and the audit entry keeps the old and the new values.
/// </summary>
public sealed class CourseDateEditor(ContentDbContext db, ContentEditor editor, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<CourseDate?> FindDateAsync(int courseId, int dateId) =>
        db.CourseDates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dateId && d.ContentItemId == courseId);

    public async Task<EditResult> AddDateAsync(int courseId, CourseDateInput input, EditorRef user)
    {
        var item = await editor.FindAsync(courseId);
        if (item is null || !ContentKinds.Of(item.Kind).Has(ContentPart.Course))
        {
            return EditResult.NotFound();
        }

        var (clean, errors) = CourseDateValidator.Validate(input);
        if (clean is null)
        {
            return EditResult.Invalid(errors);
        }

        var date = NewDate(item.Id, clean, user);
        db.CourseDates.Add(date);
        editor.Audit(AuditAction.DateAdded, item, item.CurrentRevision!.Title, user, "Hold: " + CourseDateValidator.Describe(clean));
        await db.SaveChangesAsync();
        return EditResult.DateDone(item, date);
    }

    public async Task<EditResult> UpdateDateAsync(int courseId, int dateId, int expectedVersion, CourseDateInput input, EditorRef user)
    {
        var (item, date, failure) = await LoadDateForWriteAsync(courseId, dateId, expectedVersion);
        if (date is null)
        {
            return failure!;
        }

        var (clean, errors) = CourseDateValidator.Validate(input);
        if (clean is null)
        {
            return EditResult.Invalid(errors);
        }

        if (clean.SameAs(date))
        {
            return EditResult.DateDone(item!, date);
        }

        Change(item!, item!.CurrentRevision!.Title, date, clean, user);
        return await SaveDateAsync(item, date);
    }

    /// <summary>
    /// Writes a date's new values in place, with an audit entry holding the old and the new ones, so
    /// seats taken and a cancellation stay in the history. The import uses it too; the caller saves.
    /// </summary>
    internal void Change(ContentItem item, string title, CourseDate date, CleanCourseDate clean, EditorRef user)
    {
        var before = CourseDateValidator.Describe(date);
        (date.StartsAt, date.EndsAt, date.Days, date.Location, date.Capacity, date.SeatsTaken, date.Status) =
            (clean.StartsAt, clean.EndsAt, clean.Days, clean.Location, clean.Capacity, clean.SeatsTaken, clean.Status);
        TouchDate(date, user);
        editor.Audit(AuditAction.DateChanged, item, title, user, $"Før: {before}. Nu: {CourseDateValidator.Describe(clean)}.");
    }

    /// <summary>Takes a date off the public site, or brings it back. The row stays.</summary>
    public async Task<EditResult> SetDateRemovedAsync(int courseId, int dateId, bool removed, int expectedVersion, EditorRef user)
    {
        var (item, date, failure) = await LoadDateForWriteAsync(courseId, dateId, expectedVersion);
        if (date is null)
        {
            return failure!;
        }

        if (date.IsRemoved == removed)
        {
            return EditResult.Invalid(removed ? "Holdet er allerede fjernet." : "Holdet er ikke fjernet.");
        }

        date.IsRemoved = removed;
        TouchDate(date, user);
        editor.Audit(removed ? AuditAction.DateRemoved : AuditAction.DateRestored, item!, item!.CurrentRevision!.Title, user, "Hold: " + CourseDateValidator.Describe(date));
        return await SaveDateAsync(item, date);
    }


    /// <summary>A new date as the editing services write it; the import uses it too.</summary>
    internal CourseDate NewDate(int courseId, CleanCourseDate clean, EditorRef user) => new()
    {
        ContentItemId = courseId,
        StartsAt = clean.StartsAt,
        EndsAt = clean.EndsAt,
        Days = clean.Days,
        Location = clean.Location,
        Capacity = clean.Capacity,
        SeatsTaken = clean.SeatsTaken,
        Status = clean.Status,
        Version = 1,
        CreatedAt = Now,
        CreatedBy = user.Name,
        UpdatedAt = Now,
        UpdatedBy = user.Name,
    };

    private async Task<(ContentItem? Item, CourseDate? Date, EditResult? Failure)> LoadDateForWriteAsync(int courseId, int dateId, int expectedVersion)
    {
        var item = await editor.FindAsync(courseId);
        var date = await db.CourseDates.SingleOrDefaultAsync(d => d.Id == dateId && d.ContentItemId == courseId);
        if (item is null || !ContentKinds.Of(item.Kind).Has(ContentPart.Course) || date is null)
        {
            return (null, null, EditResult.NotFound());
        }

        return date.Version == expectedVersion ? (item, date, null) : (item, null, EditResult.DateConflict(item, date));
    }

    private void TouchDate(CourseDate date, EditorRef user)
    {
        date.Version++;
        date.UpdatedAt = Now;
        date.UpdatedBy = user.Name;
    }

    private async Task<EditResult> SaveDateAsync(ContentItem item, CourseDate date)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.CourseDates.AsNoTracking().SingleAsync(d => d.Id == date.Id);
            return EditResult.DateConflict(item, current);
        }

        return EditResult.DateDone(item, date);
    }
}
