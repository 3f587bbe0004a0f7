using System.Diagnostics;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>The result of an import: what was written, or, row by row, why nothing was.</summary>
public sealed record CourseImportResult(bool Succeeded, int Courses, int NewCourses, int Dates, TimeSpan Elapsed, IReadOnlyList<string> Errors);

/// <summary>
/// Course dates and the spreadsheet import. Dates are operational data: a change is written in
/// place and takes effect at once, and the audit entry keeps the old and the new values.
/// </summary>
public sealed partial class ContentEditor
{
    public const string ImportNote = "Importeret fra regneark";

    public Task<CourseDate?> FindDateAsync(int courseId, int dateId) =>
        db.CourseDates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dateId && d.ContentItemId == courseId);

    public async Task<EditResult> AddDateAsync(int courseId, CourseDateInput input, EditorRef user)
    {
        var item = await FindAsync(courseId);
        if (item is not { Kind: ContentKind.Course })
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
        Audit(AuditAction.DateAdded, item, item.CurrentRevision!.Title, user, "Hold: " + CourseDateValidator.Describe(clean));
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

        var before = CourseDateValidator.Describe(date);
        (date.StartsAt, date.EndsAt, date.Location, date.Capacity, date.SeatsTaken, date.Status) =
            (clean.StartsAt, clean.EndsAt, clean.Location, clean.Capacity, clean.SeatsTaken, clean.Status);
        TouchDate(date, user);
        Audit(AuditAction.DateChanged, item!, item!.CurrentRevision!.Title, user, $"Før: {before}. Nu: {CourseDateValidator.Describe(clean)}.");
        return await SaveDateAsync(item, date);
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
        Audit(removed ? AuditAction.DateRemoved : AuditAction.DateRestored, item!, item!.CurrentRevision!.Title, user, "Hold: " + CourseDateValidator.Describe(date));
        return await SaveDateAsync(item, date);
    }

    /// <summary>
    /// Writes a checked spreadsheet: new courses, new revisions where the file changes an existing
    /// course, and every date, in one transaction. Any error, in the file or against the database,
    /// and nothing is written.
    /// </summary>
    public async Task<CourseImportResult> ImportCoursesAsync(CourseImportPreview preview, bool publish, EditorRef user)
    {
        var clock = Stopwatch.StartNew();
        if (!preview.IsValid)
        {
            return Failed(["Filen har fejl. Ret dem, og prøv igen."]);
        }

        var errors = new List<string>();
        var existing = await db.Items
            .Where(i => i.Kind == ContentKind.Course)
            .Include(i => i.CurrentRevision)
            .Include(i => i.PublishedRevision)
            .AsSplitQuery()
            .ToListAsync();
        var bySlug = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var item in existing)
        {
            bySlug.TryAdd(item.CurrentRevision!.Slug, item);
            if (item.PublishedRevision is { } p)
            {
                bySlug.TryAdd(p.Slug, item);
            }
        }

        var formerSlugs = (await db.SlugRedirects.Where(r => r.Kind == ContentKind.Course).Select(r => new { r.Slug, r.ContentItemId }).ToListAsync())
            .ToDictionary(r => r.Slug, r => r.ContentItemId, StringComparer.Ordinal);
        var existingIds = existing.Select(i => i.Id).ToList();
        var knownDates = (await db.CourseDates.Where(d => existingIds.Contains(d.ContentItemId) && !d.IsRemoved)
                .Select(d => new { d.ContentItemId, d.StartsAt, d.Location }).ToListAsync())
            .Select(d => (d.ContentItemId, d.StartsAt, d.Location.ToLowerInvariant()))
            .ToHashSet();
        var keys = (await db.Items.Select(i => i.Key).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var lastOrder = existing.Count == 0 ? 0 : existing.Max(i => i.SortOrder);

        var created = new List<(ContentItem Item, CourseImportCourse Course)>();
        var changed = new List<(ContentItem Item, ContentRevision Revision)>();
        var dates = new List<(CourseImportCourse Course, ContentItem Item)>();
        foreach (var course in preview.Courses)
        {
            var slug = course.Input.Slug!;
            var line = course.Rows[0].Line;
            if (bySlug.TryGetValue(slug, out var item))
            {
                if (item.IsArchived)
                {
                    errors.Add($"Linje {line}: Forløbet »{item.CurrentRevision!.Title}« er arkiveret. Hent det tilbage, før du importerer hold til det.");
                    continue;
                }

                foreach (var row in course.Rows.Where(r => knownDates.Contains((item.Id, r.Date!.StartsAt, r.Date.Location.ToLowerInvariant()))))
                {
                    errors.Add($"Linje {row.Line}: »{item.CurrentRevision!.Title}« har allerede holdet {CopenhagenTime.Format(row.Date!.StartsAt)} på {row.Date.Location}.");
                }

                if (course.Input with { ChangeNote = null } != RevisionInput.From(item.CurrentRevision!))
                {
                    var revision = NewRevision(course.Input with { ChangeNote = ImportNote }, item.CurrentRevision!.Number + 1, user);
                    revision.ContentItemId = item.Id;
                    changed.Add((item, revision));
                }

                dates.Add((course, item));
                continue;
            }

            if (formerSlugs.ContainsKey(slug))
            {
                errors.Add($"Linje {line}: Adressen »{slug}« har tidligere ført til et andet forløb, og gamle links dertil skal blive ved med at virke. Giv forløbet en anden titel eller adresse.");
                continue;
            }

            var key = Slugifier.Slugify(course.Input.Title!);
            for (var n = 2; keys.Contains(key); n++)
            {
                key = $"{Slugifier.Slugify(course.Input.Title!)}-{n}";
            }

            keys.Add(key);
            var newItem = new ContentItem
            {
                Kind = ContentKind.Course,
                Key = key,
                SortOrder = ++lastOrder,
                CreatedAt = Now,
                UpdatedAt = Now,
                UpdatedBy = user.Name,
                Version = 1,
            };
            newItem.Revisions.Add(NewRevision(course.Input with { ChangeNote = ImportNote }, 1, user));
            created.Add((newItem, course));
            dates.Add((course, newItem));
        }

        if (errors.Count > 0)
        {
            return Failed(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Items.AddRange(created.Select(c => c.Item));
        db.Revisions.AddRange(changed.Select(c => c.Revision));
        await db.SaveChangesAsync();

        foreach (var (item, _) in created)
        {
            item.CurrentRevisionId = item.Revisions[0].Id;
            Audit(AuditAction.Created, item, item.Revisions[0].Title, user, $"Version 1: {ImportNote}.");
        }

        foreach (var (item, revision) in changed)
        {
            item.CurrentRevisionId = revision.Id;
            item.CurrentRevision = revision;
            Touch(item, user);
            item.Version++;
            Audit(AuditAction.Saved, item, revision.Title, user, $"Version {revision.Number}: {ImportNote}.");
        }

        var dateCount = 0;
        foreach (var (course, item) in dates)
        {
            foreach (var row in course.Rows)
            {
                db.CourseDates.Add(NewDate(item.Id, row.Date!, user));
                dateCount++;
            }

            Audit(AuditAction.DateAdded, item, course.Input.Title!, user, $"{course.Rows.Count} hold importeret fra regneark.");
        }

        if (publish)
        {
            // Only the courses the file names; other drafts stay drafts.
            foreach (var item in dates.Select(d => d.Item).Distinct().Where(i => i.CurrentRevisionId != i.PublishedRevisionId))
            {
                var oldSlug = item.PublishedRevision?.Slug;
                var newSlug = item.CurrentRevision?.Slug ?? item.Revisions[0].Slug;
                if (oldSlug is not null)
                {
                    await KeepOldAddressAsync(item, oldSlug, newSlug);
                    Touch(item, user);
                    item.Version++;
                }

                item.PublishedRevisionId = item.CurrentRevisionId;
                Audit(AuditAction.Published, item, item.CurrentRevision?.Title ?? item.Revisions[0].Title, user, "Udgivet ved import.");
            }
        }

        Audit(AuditAction.Imported, null, "Phønix-forløb", user,
            $"{preview.Rows.Count} rækker: {created.Count} nye forløb, {changed.Count} ændrede, {dateCount} hold{(publish ? ", udgivet" : ", som kladder")}.");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failed(["En anden har ændret et af forløbene imens. Intet er importeret. Prøv igen."]);
        }

        await transaction.CommitAsync();
        return new CourseImportResult(true, preview.Courses.Count, created.Count, dateCount, clock.Elapsed, []);

        CourseImportResult Failed(IReadOnlyList<string> why) => new(false, 0, 0, 0, clock.Elapsed, why);
    }

    /// <summary>Null when every bearing the course names exists; otherwise why not, in Danish.</summary>
    private async Task<string?> UnknownBearingsAsync(RevisionInput clean)
    {
        if (clean.BearingKeyList.Count == 0)
        {
            return null;
        }

        var known = await db.Items.Where(i => i.Kind == ContentKind.Bearing).Select(i => i.Key).ToListAsync();
        var unknown = clean.BearingKeyList.Where(k => !known.Contains(k)).ToList();
        return unknown.Count == 0 ? null : $"Pejlemærket »{string.Join("«, »", unknown)}« findes ikke.";
    }

    private CourseDate NewDate(int courseId, CleanCourseDate clean, EditorRef user) => new()
    {
        ContentItemId = courseId,
        StartsAt = clean.StartsAt,
        EndsAt = clean.EndsAt,
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
        var item = await FindAsync(courseId);
        var date = await db.CourseDates.SingleOrDefaultAsync(d => d.Id == dateId && d.ContentItemId == courseId);
        if (item is not { Kind: ContentKind.Course } || date is null)
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
