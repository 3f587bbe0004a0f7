using System.Diagnostics;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>What an editor chose on the import page.</summary>
/// <param name="Publish">Publish the courses the file names, each through the publish path.</param>
/// <param name="UpdateExisting">A row whose course already has a date with the same start updates that date, instead of refusing the file.</param>
public sealed record CourseImportOptions(bool Publish, bool UpdateExisting);

/// <summary>What an import does, or did, to one row (date) of the file.</summary>
public enum CourseImportRowChange
{
    NewDate,
    UpdatedDate,
    UnchangedDate,
}

/// <summary>One row's change: a new date, an existing date updated (with its values before), or one left as it is.</summary>
public sealed record CourseImportRowVerdict(int Line, CourseImportRowChange Change, string? Before);

/// <summary>A course the file names: new, a new revision of an existing one, or as it is; its id once written.</summary>
public sealed record CourseImportCourseVerdict(string Title, bool IsNew, bool IsChanged, int ItemId);

/// <summary>
/// The result of an import, or of its dry run for the preview: what was (or would be) written, or, row
/// by row, why nothing was. <see cref="PublishRefusals"/> are the gates' reasons when the publish was asked for.
/// </summary>
public sealed record CourseImportResult(
    bool Succeeded,
    int Courses,
    int NewCourses,
    int Dates,
    TimeSpan Elapsed,
    IReadOnlyList<string> Errors,
    IReadOnlyList<CourseImportRowVerdict> Rows,
    IReadOnlyList<CourseImportCourseVerdict> CourseVerdicts)
{
    public int NewDates => Rows.Count(r => r.Change == CourseImportRowChange.NewDate);

    public int UpdatedDates => Rows.Count(r => r.Change == CourseImportRowChange.UpdatedDate);

    public int UnchangedDates => Rows.Count(r => r.Change == CourseImportRowChange.UnchangedDate);

    public CourseImportRowVerdict? Row(int line) => Rows.FirstOrDefault(r => r.Line == line);
}

/// <summary>
/// The spreadsheet import: writes what <see cref="CourseImport"/> read and checked, all or nothing.
/// New revisions, audit entries and dates are made the way <see cref="ContentEditor"/> makes them, and
/// a publish goes through its publish path. The preview asks <see cref="CheckAsync"/>, which runs this
/// same import and rolls it back, so the preview's verdict is the import's.
/// </summary>
public sealed class CourseImporter(ContentDbContext db, ContentEditor editor, CourseDateEditor dateEditor, TimeProvider clock)
{
    public const string ImportNote = "Importeret fra regneark";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The preview's verdict: the whole import, its gates included, run in a transaction that is rolled
    /// back. Nothing is written, no hook runs and the published site does not move.
    /// </summary>
    public Task<CourseImportResult> CheckAsync(CourseImportPreview preview, CourseImportOptions options, EditorRef user) =>
        RunAsync(preview, options, user, dryRun: true);

    /// <summary>
    /// Writes a checked spreadsheet: new courses, new revisions where the file changes an existing
    /// course, every new date and (when asked) the changed values of existing dates, in one
    /// transaction. Any error, in the file or against the database, and nothing is written.
    /// </summary>
    public Task<CourseImportResult> ImportAsync(CourseImportPreview preview, CourseImportOptions options, EditorRef user) =>
        RunAsync(preview, options, user, dryRun: false);

    /// <summary>An import that adds dates only; an existing date at a row's start refuses the file.</summary>
    public Task<CourseImportResult> ImportAsync(CourseImportPreview preview, bool publish, EditorRef user) =>
        ImportAsync(preview, new CourseImportOptions(publish, UpdateExisting: false), user);

    private async Task<CourseImportResult> RunAsync(CourseImportPreview preview, CourseImportOptions options, EditorRef user, bool dryRun)
    {
        var publish = options.Publish;
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
        // Tracked: a row may update one. Removed dates stay out of it: a row at their start adds a date.
        var knownDates = (await db.CourseDates.Where(d => existingIds.Contains(d.ContentItemId) && !d.IsRemoved).ToListAsync())
            .ToLookup(d => (d.ContentItemId, d.StartsAt));
        var rowVerdicts = new List<CourseImportRowVerdict>();
        var updates = new List<(ContentItem Item, string Title, CourseDate Date, CleanCourseDate Clean)>();
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

                // A date is matched by its course and its start; of two at one start, by the place too.
                var newRows = new List<CourseImportRow>();
                foreach (var row in course.Rows)
                {
                    var atStart = knownDates[(item.Id, row.Date!.StartsAt)].ToList();
                    var match = atStart.Count == 1 ? atStart[0]
                        : atStart.FirstOrDefault(d => string.Equals(d.Location, row.Date.Location, StringComparison.OrdinalIgnoreCase));
                    if (atStart.Count == 0)
                    {
                        newRows.Add(row);
                    }
                    else if (!options.UpdateExisting)
                    {
                        errors.Add($"Linje {row.Line}: »{item.CurrentRevision!.Title}« har allerede holdet {CopenhagenTime.Format(row.Date.StartsAt)} på {atStart[0].Location}. Vælg »Opdater eksisterende datoer«, hvis filen skal rette det.");
                    }
                    else if (match is null)
                    {
                        errors.Add($"Linje {row.Line}: »{item.CurrentRevision!.Title}« har {atStart.Count} hold, der starter {CopenhagenTime.Format(row.Date.StartsAt)}, og intet af dem på »{row.Date.Location}«. Skriv stedet, som det står i portalen, så det er klart, hvilket hold rækken retter.");
                    }
                    else if (row.Date.SameAs(match))
                    {
                        rowVerdicts.Add(new(row.Line, CourseImportRowChange.UnchangedDate, null));
                    }
                    else
                    {
                        rowVerdicts.Add(new(row.Line, CourseImportRowChange.UpdatedDate, CourseDateValidator.Describe(match)));
                        updates.Add((item, course.Input.Title!, match, row.Date));
                    }
                }

                if (course.Input with { ChangeNote = null } != RevisionInput.From(item.CurrentRevision!))
                {
                    var revision = editor.NewRevision(course.Input with { ChangeNote = ImportNote }, item.CurrentRevision!.Number + 1, user);
                    revision.ContentItemId = item.Id;
                    changed.Add((item, revision));
                }

                dates.Add((course with { Rows = newRows }, item));
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
                rowVerdicts.Add(new(row.Line, CourseImportRowChange.NewDate, null));
                dateCount++;
            }

            if (course.Rows.Count > 0)
            {
                editor.Audit(AuditAction.DateAdded, item, course.Input.Title!, user, $"{course.Rows.Count} hold importeret fra regneark.");
            }
        }

        // Each changed date keeps its old values in its own audit entry, as a change by hand does.
        foreach (var (item, title, date, clean) in updates)
        {
            dateEditor.Change(item, title, date, clean, user);
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

        var updated = updates.Count > 0 ? $", {updates.Count} hold opdateret" : "";
        editor.Audit(AuditAction.Imported, null, "Phønix-forløb", user,
            $"{preview.Rows.Count} {(preview.Rows.Count == 1 ? "række" : "rækker")}: {created.Count} nye forløb, {changed.Count} ændrede, {dateCount} hold{updated}{(publish ? ", udgivet" : ", som kladder")}.");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failed(["En anden har ændret et af forløbene imens. Intet er importeret. Prøv igen."]);
        }

        var verdicts = preview.Courses.Select(c => dates.First(d => ReferenceEquals(d.Course.Input, c.Input)).Item)
            .Select(item => new CourseImportCourseVerdict(item.CurrentRevision?.Title ?? item.Revisions[0].Title,
                created.Any(c => c.Item == item), changed.Any(c => c.Item == item), item.Id))
            .ToList();
        if (dryRun)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
        }
        else
        {
            await transaction.CommitAsync();
            PortalMetrics.ImportRows(preview.Rows.Count, imported: true);
        }

        return new CourseImportResult(true, preview.Courses.Count, created.Count, dateCount, clock.Elapsed, [],
            [.. rowVerdicts.OrderBy(r => r.Line)], verdicts);

        CourseImportResult Failed(IReadOnlyList<string> why)
        {
            if (!dryRun)
            {
                PortalMetrics.ImportRows(preview.Rows.Count, imported: false);
            }

            return new(false, 0, 0, 0, clock.Elapsed, why, [], []);
        }
    }
}
