using Medarbejdergrundlag.Content.Backup;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Scheduling;

/// <summary>Courses expire after their last date, on a clock the test moves, on SQLite and PostgreSQL.</summary>
public sealed class CourseExpiryTests
{
    // Friday 27 November 2026, 14:00 in Copenhagen (UTC+1).
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");

    // 1 December 2026 16:00 in Copenhagen.
    private static readonly DateTime LastEnds = new(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc);

    private readonly TestClock _clock = new(Start);

    [Theory, Providers]
    public async Task APublishedCourseIsArchivedOnceAfterItsLastDateWithADanishAuditEntry(string provider)
    {
        await using var database = await CreateAsync(provider);
        var id = await CourseAsync(database, "Kursus der udløber", ("30-11-2026 09:00", "12:00", "Open"), ("01-12-2026 09:00", "16:00", "Open"));

        Assert.Equal("Udløber efter sidste dato 1. december 2026 kl. 16.00", (await StateAsync(database, id))!.Note(_clock.GetUtcNow().UtcDateTime));
        _clock.Advance(LastEnds - Start.UtcDateTime - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Runner(database).RunDueAsync());
        Assert.NotNull((await Site(database)).FindCourse("kursus-der-udloeber"));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Runner(database).RunDueAsync());
        Assert.Equal(0, await Runner(database).RunDueAsync());

        Assert.Null((await Site(database)).FindCourse("kursus-der-udloeber"));
        await using var db = database.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.ContentItemId == id && a.Action == AuditAction.Archived);
        Assert.Equal(("Portalen (automatisk)", ""), (entry.User, entry.UserId));
        Assert.StartsWith("Arkiveret automatisk efter sidste dato (1. december 2026 kl. 16.00), kørt 1. december 2026 kl. 16.00. " +
            "Hentes forløbet tilbage, bliver det først arkiveret igen, når et senere hold er slut.", entry.Details);
        var item = await db.Items.SingleAsync(i => i.Id == id);
        Assert.Equal((true, LastEnds), (item.IsArchived, item.ExpiryHandledThrough));
    }

    [Theory, Providers]
    public async Task EightRunnersAtOnceArchiveAnEndedCourseOnce(string provider)
    {
        await using var database = await CreateAsync(provider);
        var id = await CourseAsync(database, "Kursus for mange", ("01-12-2026 09:00", "16:00", "Open"));
        _clock.Advance(TimeSpan.FromDays(5));

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Runner(database).ExpireCoursesAsync())));

        Assert.Equal(1, runs.Sum());
        await using var db = database.NewContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.ContentItemId == id && a.Action == AuditAction.Archived));
    }

    [Fact]
    public async Task BeholdEfterSidsteDatoKeepsTheCourseAndIsAudited()
    {
        await using var database = await CreateAsync();
        var id = await CourseAsync(database, "Kursus der gentages", ("01-12-2026 09:00", "16:00", "Open"));
        var item = await ItemAsync(database, id);

        Assert.True((await Expiry(database).SetKeepAsync(id, item.Version, keep: true, Hanne)).Succeeded);
        _clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, await Runner(database).RunDueAsync());
        Assert.NotNull((await Site(database)).FindCourse("kursus-der-gentages"));
        Assert.Equal("Beholdes efter sidste dato", (await StateAsync(database, id))!.Note(_clock.GetUtcNow().UtcDateTime));
        await using var db = database.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.ContentItemId == id && a.Action == AuditAction.Scheduled);
        Assert.StartsWith("Behold efter sidste dato", entry.Details);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.ContentItemId == id && a.Action == AuditAction.Archived));
    }

    [Fact]
    public async Task SwitchingBeholdOffAfterTheLastDateDoesNotArchiveAtOnceButALaterDateDoes()
    {
        await using var database = await CreateAsync();
        var id = await CourseAsync(database, "Kursus uden fast plan", ("01-12-2026 09:00", "16:00", "Open"));
        Assert.True((await Expiry(database).SetKeepAsync(id, (await ItemAsync(database, id)).Version, keep: true, Hanne)).Succeeded);
        _clock.Advance(TimeSpan.FromDays(10));

        Assert.True((await Expiry(database).SetKeepAsync(id, (await ItemAsync(database, id)).Version, keep: false, Hanne)).Succeeded);

        Assert.Equal(0, await Runner(database).RunDueAsync());
        Assert.StartsWith("Sidste dato var 1. december 2026; udløber ikke af sig selv", (await StateAsync(database, id))!.Note(_clock.GetUtcNow().UtcDateTime));
        await AddDateAsync(database, id, ("10-12-2026 09:00", "16:00", "Open"));
        _clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, await Runner(database).RunDueAsync());
        Assert.True((await ItemAsync(database, id)).IsArchived);
    }

    [Theory, Providers]
    public async Task ACourseBroughtBackAfterExpiryStaysForTheSameLastDateAndExpiresAfterALaterOne(string provider)
    {
        await using var database = await CreateAsync(provider);
        var id = await CourseAsync(database, "Kursus der kommer igen", ("01-12-2026 09:00", "16:00", "Open"));
        _clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, await Runner(database).RunDueAsync());

        // An editor brings it back: it is not archived again for 1 December.
        var archived = await ItemAsync(database, id);
        Assert.True((await Editor(database).SetArchivedAsync(id, archived: false, archived.Version, Hanne)).Succeeded);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Runner(database).RunDueAsync());
        Assert.False((await ItemAsync(database, id)).IsArchived);

        // A later date is added; once it has ended the course expires again.
        await AddDateAsync(database, id, ("15-12-2026 09:00", "16:00", "Open"));
        Assert.Equal("Udløber efter sidste dato 15. december 2026 kl. 16.00", (await StateAsync(database, id))!.Note(_clock.GetUtcNow().UtcDateTime));
        _clock.Advance(TimeSpan.FromDays(12));
        Assert.Equal(0, await Runner(database).RunDueAsync());
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await Runner(database).RunDueAsync());

        await using var db = database.NewContext();
        var entries = await db.AuditEntries.Where(a => a.ContentItemId == id && a.Action == AuditAction.Archived).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.Contains("(15. december 2026 kl. 16.00)", entries[1].Details);
    }

    [Fact]
    public async Task ACourseRepublishedByHandAfterItsLastDateIsNotArchivedAtOnce()
    {
        await using var database = await CreateAsync();
        var id = await CourseAsync(database, "Kursus med ny tekst", ("01-12-2026 09:00", "16:00", "Open"));
        var item = await ItemAsync(database, id);
        Assert.True((await Expiry(database).SetKeepAsync(id, item.Version, keep: true, Hanne)).Succeeded);
        _clock.Advance(TimeSpan.FromDays(5));
        item = await ItemAsync(database, id);
        Assert.True((await Expiry(database).SetKeepAsync(id, item.Version, keep: false, Hanne)).Succeeded);
        item = await ItemAsync(database, id);
        Assert.True((await Editor(database).SaveAndPublishAsync(id, item.Version, ScheduledPublishingTests.With(item, "Kursus med nyere tekst"), Hanne)).Succeeded);

        Assert.Equal(0, await Runner(database).RunDueAsync());
        Assert.False((await ItemAsync(database, id)).IsArchived);
    }

    [Fact]
    public async Task ACourseWithoutDatesOrWithOnlyRemovedDatesIsLeftAlone()
    {
        await using var database = await CreateAsync();
        var none = await CourseAsync(database, "Kursus uden hold");
        var removed = await CourseAsync(database, "Kursus med fjernet hold", ("01-12-2026 09:00", "16:00", "Open"));
        await using (var scope = database.Services.CreateAsyncScope())
        {
            await using var db = database.NewContext();
            var date = await db.CourseDates.SingleAsync(d => d.ContentItemId == removed);
            Assert.True((await scope.ServiceProvider.GetRequiredService<CourseDateEditor>().SetDateRemovedAsync(removed, date.Id, removed: true, date.Version, Hanne)).Succeeded);
        }

        _clock.Advance(TimeSpan.FromDays(400));

        Assert.Equal(0, await Runner(database).RunDueAsync());
        Assert.False((await ItemAsync(database, none)).IsArchived);
        Assert.False((await ItemAsync(database, removed)).IsArchived);
        Assert.Null((await StateAsync(database, none))!.Note(_clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task ACancelledLastDateCountsSoTheCancellationStaysVisibleUntilItsDay()
    {
        await using var database = await CreateAsync();
        var id = await CourseAsync(database, "Kursus med aflysning", ("01-12-2026 09:00", "16:00", "Open"), ("08-12-2026 09:00", "16:00", "Cancelled"));
        _clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(0, await Runner(database).RunDueAsync());

        _clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await Runner(database).RunDueAsync());
        Assert.True((await ItemAsync(database, id)).IsArchived);
    }

    [Fact]
    public async Task AnUnpublishedCourseIsNotArchived()
    {
        await using var database = await CreateAsync();
        var id = await CourseAsync(database, "Kursus i kladde", publish: false, ("01-12-2026 09:00", "16:00", "Open"));
        _clock.Advance(TimeSpan.FromDays(5));

        Assert.Equal(0, await Runner(database).RunDueAsync());
        Assert.False((await ItemAsync(database, id)).IsArchived);
    }

    [Theory, Providers]
    public async Task ABackupCarriesTheKeepChoiceAndTheExpiryStateThroughExportAndImport(string provider)
    {
        await using var source = await CreateAsync(provider);
        var kept = await CourseAsync(source, "Kursus der beholdes", ("01-12-2026 09:00", "16:00", "Open"));
        Assert.True((await Expiry(source).SetKeepAsync(kept, (await ItemAsync(source, kept)).Version, keep: true, Hanne)).Succeeded);
        await CourseAsync(source, "Kursus der udløb", ("01-12-2026 09:00", "16:00", "Open"));
        _clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, await Runner(source).RunDueAsync());
        var exported = await ExportAsync(source);

        await using var target = await CreateAsync(provider);
        await using (var scope = target.Services.CreateAsyncScope())
        {
            using var stream = new MemoryStream(exported);
            await scope.ServiceProvider.GetRequiredService<ContentBackup>().ImportAsync(stream, force: true);
        }

        Assert.Equal(Items(exported), Items(await ExportAsync(target)));
        Assert.Contains("\"keepAfterLastDate\": true", Items(exported));
        await using var db = target.NewContext();
        var keptAfter = await db.Items.SingleAsync(i => i.Key == "kursus-der-beholdes");
        Assert.True(keptAfter.KeepAfterLastDate);
        var expired = await db.Items.SingleAsync(i => i.Key == "kursus-der-udloeb");
        Assert.Equal((true, LastEnds), (expired.IsArchived, expired.ExpiryHandledThrough));
        // Imported, nothing is archived again or anew.
        Assert.Equal(0, await Runner(target).RunDueAsync());
    }

    [Fact]
    public async Task TheNextThingDueIsTheSoonerOfAPendingScheduleAndACoursesLastDate()
    {
        await using var database = await CreateAsync();
        Assert.Null(await Runner(database).NextDueAsync());
        await CourseAsync(database, "Kursus der udløber", ("01-12-2026 09:00", "16:00", "Open"));
        Assert.Equal(LastEnds, await Runner(database).NextDueAsync());

        await using (var scope = database.Services.CreateAsyncScope())
        {
            var schedule = scope.ServiceProvider.GetRequiredService<PublishSchedule>();
            var udvikling = await ScheduledPublishingTests.ItemAsync(database, "udvikling");
            Assert.True((await schedule.ScheduleArchiveAsync(udvikling.Id, "28-11-2026 09:00", Hanne)).Succeeded);
            var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
            Assert.True((await schedule.ScheduleArchiveAsync(mod.Id, "29-11-2026 09:00", Hanne)).Succeeded);
        }

        // The soonest pending schedule, 28 November 09:00 in Copenhagen.
        Assert.Equal(new DateTime(2026, 11, 28, 8, 0, 0), await Runner(database).NextDueAsync());
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var schedule = scope.ServiceProvider.GetRequiredService<PublishSchedule>();
            var first = (await schedule.OpenAsync())[0];
            Assert.True((await schedule.CancelAsync(first.Id, first.Version, Hanne)).Succeeded);
        }

        Assert.Equal(new DateTime(2026, 11, 29, 8, 0, 0), await Runner(database).NextDueAsync());
        // Past the schedule (run) and past the last date (archived): nothing is due any more.
        _clock.Advance(LastEnds - Start.UtcDateTime);
        Assert.Equal(2, await Runner(database).RunDueAsync());
        Assert.Null(await Runner(database).NextDueAsync());
    }

    private async Task<TestDatabase> CreateAsync(string provider = "Sqlite") =>
        await TestDatabase.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(_clock));

    private static Task<int> CourseAsync(TestDatabase database, string title, params (string Start, string End, string Status)[] dates) =>
        CourseAsync(database, title, publish: true, dates);

    internal static async Task<int> CourseAsync(TestDatabase database, string title, bool publish, params (string Start, string End, string Status)[] dates)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var created = await editor.CreateAsync(ContentKind.Course, new RevisionInput(title, null, "Et forløb.", "Om forløbet.", null)
        {
            Course = new CourseInput("Alle", "Tvaergaaende", "1", "mod", "phoenix@odense.dk"),
        }, Hanne);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Values));
        var id = created.Item!.Id;
        foreach (var date in dates)
        {
            await AddDateAsync(database, id, date);
        }

        if (publish)
        {
            var item = await editor.FindAsync(id);
            Assert.True((await editor.PublishAsync(id, item!.Version, Hanne)).Succeeded);
        }

        return id;
    }

    internal static async Task AddDateAsync(TestDatabase database, int id, (string Start, string End, string Status) date)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<CourseDateEditor>()
            .AddDateAsync(id, new CourseDateInput(date.Start, date.End, "Phønix", "20", "5", date.Status), Hanne);
        Assert.True(added.Succeeded, string.Join(" ", added.Errors.Values));
    }

    private static ContentEditor Editor(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private static CourseExpiry Expiry(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<CourseExpiry>();

    private static ScheduleRunner Runner(TestDatabase database) => database.Services.GetRequiredService<ScheduleRunner>();

    private static async Task<PublishedSite> Site(TestDatabase database) => await database.Services.GetRequiredService<PublishedContentStore>().GetAsync();

    private static Task<CourseExpiryState?> StateAsync(TestDatabase database, int id) => Expiry(database).ForItemAsync(id);

    private static async Task<ContentItem> ItemAsync(TestDatabase database, int id)
    {
        await using var db = database.NewContext();
        return await db.Items.AsNoTracking().Include(i => i.CurrentRevision).Include(i => i.PublishedRevision).SingleAsync(i => i.Id == id);
    }

    private static string Items(byte[] file)
    {
        using var document = System.Text.Json.JsonDocument.Parse(file);
        return document.RootElement.GetProperty("items").GetRawText();
    }

    private static async Task<byte[]> ExportAsync(TestDatabase database)
    {
        await using var scope = database.Services.CreateAsyncScope();
        using var stream = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<ContentBackup>().ExportAsync(stream);
        return stream.ToArray();
    }
}
