using Medarbejdergrundlag.Content.Backup;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Backup;

/// <summary>
/// A backup file lists everything in one fixed order, so that two exports of the same content are the
/// same file, an operator's diff of two backups shows only what changed, and an import followed by an
/// export gives the file back (ids follow the file's order). The rows below are written in an order
/// that differs from the file's, so a list written by id, or backwards, shows here.
/// </summary>
public sealed class BackupFileOrderTests
{
    private static readonly DateTime At = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task AnExportListsEverythingInItsFixedOrder()
    {
        await using var database = await TestDatabase.CreateAsync();
        var courseKey = await MakeRowsInAnotherOrderAsync(database);

        await using var scope = database.Services.CreateAsyncScope();
        var file = await scope.ServiceProvider.GetRequiredService<ContentBackup>().ReadAsync(withConfirmations: true);

        // Items by key, each item's revisions by number.
        var keys = file.Items.Select(i => i.Key).ToList();
        Assert.True(keys.Count > 3);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        var mod = file.Items.Single(i => i.Key == "mod");
        Assert.Equal([1, 2, 3], mod.Revisions.Select(r => r.Number));

        // A course's dates by start, two at the same start in the order they were made.
        var course = file.Items.Single(i => i.Key == courseKey);
        Assert.Equal(["Tidlig A", "Tidlig B", "Sen"], course.Dates!.Select(d => d.Location));

        // Schedules, approvals and consultation links in the order they were made; a link's opens and comments by time.
        Assert.Equal(["første", "anden"], mod.Schedules!.Select(s => s.Failure));
        Assert.Equal(["første", "anden"], mod.Approvals!.Select(a => a.Note));
        Assert.Equal([new string('b', 64), new string('a', 64)], mod.ConsultationLinks!.Select(l => l.TokenHash));
        Assert.Equal(["tidlig 1", "tidlig 2", "sen"], mod.ConsultationLinks![0].Entries.Select(e => e.Comment));

        // Old addresses by kind, then address.
        Assert.Equal(["Bearing/a-gammel", "Bearing/z-gammel", "Course/b-gammel"],
            file.Redirects!.Where(r => r.Slug.EndsWith("-gammel", StringComparison.Ordinal)).Select(r => $"{r.Kind}/{r.Slug}"));

        // Library images by hash, each one's sizes by width, then format.
        Assert.Equal([new string('0', 32), new string('f', 32)], file.Images!.Select(i => i.Hash));
        Assert.Equal(["320.jpg", "320.webp", "640.webp"], file.Images![1].Renditions.Select(r => $"{r.Width}.{r.Format}"));

        // Confirmations in the order they were given.
        Assert.Equal(["s2", "s1"], file.Confirmations!.Select(c => c.SubjectId));
    }

    [Fact]
    public async Task AnExportWritesOnlyWhatAKindHasAndDaysOnlyForADateOfSeveralDays()
    {
        await using var database = await TestDatabase.CreateAsync();
        var courseKey = await MakeRowsInAnotherOrderAsync(database);

        await using var scope = database.Services.CreateAsyncScope();
        var file = await scope.ServiceProvider.GetRequiredService<ContentBackup>().ReadAsync();

        // "Behold efter sidste dato" belongs to courses; a bearing's file entry has none.
        Assert.Null(file.Items.Single(i => i.Key == "mod").KeepAfterLastDate);
        Assert.All(file.Items.Where(i => i.Kind != ContentKind.Course), i => Assert.Null(i.KeepAfterLastDate));
        Assert.False(file.Items.Single(i => i.Key == courseKey).KeepAfterLastDate);

        // A date of one day is written as files before dates of several days wrote it: without days.
        var dates = file.Items.Single(i => i.Key == courseKey).Dates!.ToDictionary(d => d.Location);
        Assert.Null(dates["Tidlig A"].Days);
        Assert.Equal([new DateOnly(2027, 5, 3), new DateOnly(2027, 5, 4)], dates["Sen"].Days!);
    }

    /// <summary>
    /// On "mod" (a bearing): revisions 3 and 2 added in that order, two schedules, two approvals, two
    /// consultation links (the first with three entries, the latest made first), three old addresses;
    /// a course with three dates (the latest made first); two library images (the greater hash first,
    /// one with three sizes out of order); two confirmations. Returns the course's key.
    /// </summary>
    private static async Task<string> MakeRowsInAnotherOrderAsync(TestDatabase database)
    {
        string courseKey;
        int courseId;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var course = await scope.ServiceProvider.GetRequiredService<ContentEditor>().CreateAsync(ContentKind.Course,
                new RevisionInput("Mod i praksis", null, "Kort om forløbet.", "Om forløbet.") { Course = new("Ledere", "Tværgående", "1,5", "mod", "phoenix@odense.dk") }, "Hanne");
            Assert.True(course.Succeeded, string.Join("; ", course.Errors.Values));
            (courseKey, courseId) = (course.Item!.Key, course.Item.Id);
        }

        await using var db = database.NewContext();
        var mod = await db.Items.Include(i => i.Revisions).SingleAsync(i => i.Key == "mod");
        foreach (var number in new[] { 3, 2 })
        {
            mod.Revisions.Add(new ContentRevision
            {
                Number = number, Title = $"Mod {number}", Slug = "mod", BodyMarkdown = "Tekst", Bearing = new BearingDetails(), CreatedAt = At, CreatedBy = "Hanne",
            });
            await db.SaveChangesAsync();
        }

        var published = mod.PublishedRevisionId!.Value;
        foreach (var note in new[] { "første", "anden" })
        {
            db.ScheduledActions.Add(new ScheduledAction
            {
                ContentItemId = mod.Id, Kind = ScheduledActionKind.Archive, DueAt = At, State = ScheduleState.Dismissed, ScheduledAt = At,
                ScheduledBy = "Hanne", ScheduledById = "persona:hr", Failure = note, Version = 1,
            });
            await db.SaveChangesAsync();
            db.ApprovalRequests.Add(new ApprovalRequest
            {
                ContentItemId = mod.Id, RevisionId = published, Note = note, RequestedAt = At, RequestedBy = "Hanne", RequestedById = "persona:hr", State = ApprovalState.Returned,
            });
            await db.SaveChangesAsync();
        }

        var first = new ConsultationLink
        {
            ContentItemId = mod.Id, RevisionId = published, TokenHash = new string('b', 64), CreatedAt = At, CreatedBy = "Hanne", CreatedById = "persona:hr", ExpiresAt = At.AddDays(14),
        };
        db.ConsultationLinks.Add(first);
        await db.SaveChangesAsync();
        db.ConsultationLinks.Add(new ConsultationLink
        {
            ContentItemId = mod.Id, RevisionId = published, TokenHash = new string('a', 64), CreatedAt = At, CreatedBy = "Hanne", CreatedById = "persona:hr", ExpiresAt = At.AddDays(14),
        });
        await db.SaveChangesAsync();
        foreach (var (minutes, comment) in new[] { (5, "sen"), (1, "tidlig 1"), (1, "tidlig 2") })
        {
            db.ConsultationEntries.Add(new ConsultationEntry { ConsultationLinkId = first.Id, At = At.AddMinutes(minutes), ReaderId = "persona:medarbejder", ReaderName = "Mette", Comment = comment });
            await db.SaveChangesAsync();
        }

        foreach (var (kind, slug) in new[] { (ContentKind.Course, "b-gammel"), (ContentKind.Bearing, "z-gammel"), (ContentKind.Bearing, "a-gammel") })
        {
            db.SlugRedirects.Add(new SlugRedirect { Kind = kind, Slug = slug, ContentItemId = kind == ContentKind.Course ? courseId : mod.Id, CreatedAt = At });
            await db.SaveChangesAsync();
        }

        foreach (var (day, location, days) in new[] { (3, "Sen", 2), (1, "Tidlig A", 1), (1, "Tidlig B", 1) })
        {
            var start = new DateTime(2027, 5, day, 9, 0, 0, DateTimeKind.Utc);
            db.CourseDates.Add(new CourseDate
            {
                ContentItemId = courseId, StartsAt = start, EndsAt = start.AddDays(days - 1).AddHours(6), Location = location, Status = CourseDateStatus.Open,
                Days = days > 1 ? [.. Enumerable.Range(0, days).Select(d => DateOnly.FromDateTime(start).AddDays(d))] : [],
                CreatedAt = At, CreatedBy = "Hanne", UpdatedAt = At, UpdatedBy = "Hanne", Version = 1,
            });
            await db.SaveChangesAsync();
        }

        foreach (var hash in new[] { new string('f', 32), new string('0', 32) })
        {
            var image = new LibraryImage { Hash = hash, UploadedAt = At, SourceFormat = "png", Width = 640, Height = 480 };
            foreach (var (width, format) in new[] { (640, "webp"), (320, "webp"), (320, "jpg") })
            {
                image.Renditions.Add(new ImageRendition { Width = width, Height = width * 3 / 4, Format = format, Bytes = [1, 2, 3] });
            }

            db.Images.Add(image);
            await db.SaveChangesAsync();
        }

        foreach (var subject in new[] { "s2", "s1" })
        {
            db.Confirmations.Add(new Confirmation { SubjectId = subject, Version = $"{published}", ConfirmedAt = At });
            await db.SaveChangesAsync();
        }

        return courseKey;
    }
}
