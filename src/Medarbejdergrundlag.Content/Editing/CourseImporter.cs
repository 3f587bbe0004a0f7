using System.Diagnostics;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>The result of an import: what was written, or, row by row, why nothing was.</summary>
public sealed record CourseImportResult(bool Succeeded, int Courses, int NewCourses, int Dates, TimeSpan Elapsed, IReadOnlyList<string> Errors);

/// <summary>
/// The spreadsheet import: writes what <see cref="CourseImport"/> read and checked, all or nothing.
/// New revisions, audit entries and dates are made the way <see cref="ContentEditor"/> makes them, and
/// a publish goes through its publish path.
/// </summary>
public sealed class CourseImporter(ContentDbContext db, ContentEditor editor, CourseDateEditor dateEditor, TimeProvider clock)
{
    public const string ImportNote = "Importeret fra regneark";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Writes a checked spreadsheet: new courses, new revisions where the file changes an existing
    /// course, and every date, in one transaction. Any error, in the file or against the database,
    /// and nothing is written.
    /// </summary>
    public async Task<CourseImportResult> ImportAsync(CourseImportPreview preview, bool publish, EditorRef user)
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
                    var revision = editor.NewRevision(course.Input with { ChangeNote = ImportNote }, item.CurrentRevision!.Number + 1, user);
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
            newItem.Revisions.Add(editor.NewRevision(course.Input with { ChangeNote = ImportNote }, 1, user));
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
            editor.Audit(AuditAction.Created, item, item.Revisions[0].Title, user, $"Version 1: {ImportNote}.");
        }

        foreach (var (item, revision) in changed)
        {
            item.CurrentRevisionId = revision.Id;
            item.CurrentRevision = revision;
            editor.Touch(item, user);
            item.Version++;
            editor.Audit(AuditAction.Saved, item, revision.Title, user, $"Version {revision.Number}: {ImportNote}.");
        }

        var dateCount = 0;
        foreach (var (course, item) in dates)
        {
            foreach (var row in course.Rows)
            {
                db.CourseDates.Add(dateEditor.NewDate(item.Id, row.Date!, user));
                dateCount++;
            }

            editor.Audit(AuditAction.DateAdded, item, course.Input.Title!, user, $"{course.Rows.Count} hold importeret fra regneark.");
        }

        if (publish)
        {
            // Only the courses the file names; other drafts stay drafts. Each goes through the publish
            // path, as by hand: its gates, the stamp, the review date, the expiry hold, the audit entry.
            var refusals = new List<string>();
            foreach (var item in dates.Select(d => d.Item).Distinct().Where(i => i.CurrentRevisionId != i.PublishedRevisionId))
            {
                var draft = item.CurrentRevision ?? item.Revisions[0];
                var result = await editor.PublishInBatchAsync(new PublishRequest(item, draft, user, Material: false, PublishSource.Import), "Udgivet ved import.");
                if (!result.Succeeded)
                {
                    refusals.Add($"Forløbet »{draft.Title}« kan ikke udgives: {string.Join(" ", result.Errors.Values)}");
                }
                else if (!created.Any(c => c.Item == item) && !changed.Any(c => c.Item == item))
                {
                    item.Version++;
                }
            }

            if (refusals.Count > 0)
            {
                db.ChangeTracker.Clear();
                return Failed([.. refusals, "Intet er importeret. Importér forløbene som kladder, eller ret det, der står i vejen."]);
            }
        }

        editor.Audit(AuditAction.Imported, null, "Phønix-forløb", user,
            $"{preview.Rows.Count} {(preview.Rows.Count == 1 ? "række" : "rækker")}: {created.Count} nye forløb, {changed.Count} ændrede, {dateCount} hold{(publish ? ", udgivet" : ", som kladder")}.");
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
        PortalMetrics.ImportRows(preview.Rows.Count, imported: true);
        return new CourseImportResult(true, preview.Courses.Count, created.Count, dateCount, clock.Elapsed, []);

        CourseImportResult Failed(IReadOnlyList<string> why)
        {
            PortalMetrics.ImportRows(preview.Rows.Count, imported: false);
            return new(false, 0, 0, 0, clock.Elapsed, why);
        }
    }
}
