using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Scheduling;

/// <summary>
/// What the overview says about a course's expiry, and what the runner does, at the edges: the very
/// moment the last date ends, a course brought back at that moment, a draft, several courses at once,
/// and the "Behold efter sidste dato" choice's version and audit.
/// </summary>
public sealed class CourseExpiryStateTests
{
    // Friday 27 November 2026, 14:00 in Copenhagen (UTC+1).
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");

    // 1 December 2026 16:00 in Copenhagen.
    private static readonly DateTime LastEnds = new(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc);

    private readonly TestClock _clock = new(Start);

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task AtTheMomentTheLastDateEndsTheCourseIsDueAndBroughtBackThenItStaysAsEndedAndKept()
    {
        await using var database = await CreateAsync();
        var id = await CourseExpiryTests.CourseAsync(database, "Kursus på minuttet", publish: true, ("01-12-2026 09:00", "16:00", "Open"));
        _clock.Set(new DateTimeOffset(LastEnds));

        var due = (await StateAsync(database, id))!;
        Assert.Equal((true, false, false), (due.IsDue(Now), due.WillExpire(Now), due.EndedAndKept(Now)));
        Assert.Equal("Arkiveres nu: sidste dato var 1. december 2026 kl. 16.00", due.Note(Now));
        // Due now is not "next": the run that comes first archives it.
        Assert.Null(await Runner(database).NextDueAsync());

        Assert.Equal(1, await Runner(database).RunDueAsync());
        var archived = (await StateAsync(database, id))!;
        Assert.Equal((true, false, false, false), (archived.Archived, archived.Expires, archived.IsDue(Now), archived.EndedAndKept(Now)));
        Assert.Null(archived.Note(Now));

        // An editor brings it back in the same minute: it stays, and says so.
        var item = await ItemAsync(database, id);
        Assert.True((await Editor(database).SetArchivedAsync(id, archived: false, item.Version, Hanne)).Succeeded);
        var back = (await StateAsync(database, id))!;
        Assert.Equal(LastEnds, back.HandledThrough);
        Assert.Equal((false, false, false, true), (back.Expires, back.IsDue(Now), back.WillExpire(Now), back.EndedAndKept(Now)));
        Assert.Equal("Sidste dato var 1. december 2026; udløber ikke af sig selv", back.Note(Now));
        Assert.Equal(0, await Runner(database).RunDueAsync());
        Assert.False((await ItemAsync(database, id)).IsArchived);
    }

    [Fact]
    public async Task ACourseKeptAfterItsLastDateIsNeitherDueNorEndedAndKept()
    {
        await using var database = await CreateAsync();
        var id = await CourseExpiryTests.CourseAsync(database, "Kursus der bliver", publish: true, ("01-12-2026 09:00", "16:00", "Open"));
        Assert.True((await Expiry(database).SetKeepAsync(id, (await ItemAsync(database, id)).Version, keep: true, Hanne)).Succeeded);
        _clock.Set(new DateTimeOffset(LastEnds).AddDays(1));

        var kept = (await StateAsync(database, id))!;
        Assert.Equal((false, false, false, false), (kept.Expires, kept.IsDue(Now), kept.WillExpire(Now), kept.EndedAndKept(Now)));
        Assert.Equal("Beholdes efter sidste dato", kept.Note(Now));
    }

    [Fact]
    public async Task ADraftCourseWithADateAheadNeitherWillExpireNorIsTheNextThingDue()
    {
        await using var database = await CreateAsync();
        var id = await CourseExpiryTests.CourseAsync(database, "Kursus i kladde", publish: false, ("01-12-2026 09:00", "16:00", "Open"));

        var draft = (await StateAsync(database, id))!;
        Assert.Equal((LastEnds, false, false, false), (draft.LastEnds, draft.Published, draft.Expires, draft.WillExpire(Now)));
        Assert.Null(draft.Note(Now));
        Assert.Null(await Runner(database).NextDueAsync());
    }

    [Fact]
    public async Task CoursesEndingTogetherAreAllArchivedInOnePollAndOneEndingLaterWaitsForItsOwnDate()
    {
        await using var database = await CreateAsync();
        var first = await CourseExpiryTests.CourseAsync(database, "Kursus et", publish: true, ("01-12-2026 09:00", "16:00", "Open"));
        var second = await CourseExpiryTests.CourseAsync(database, "Kursus to", publish: true, ("01-12-2026 09:00", "16:00", "Open"));
        var later = await CourseExpiryTests.CourseAsync(database, "Kursus senere", publish: true, ("10-12-2026 09:00", "16:00", "Open"));
        Assert.Equal(LastEnds, await Runner(database).NextDueAsync());
        Assert.Equal(LastEnds, (await StateAsync(database, first))!.LastEnds);

        _clock.Set(new DateTimeOffset(LastEnds).AddHours(1));
        Assert.Equal(2, await Runner(database).RunDueAsync());

        Assert.True((await ItemAsync(database, first)).IsArchived);
        Assert.True((await ItemAsync(database, second)).IsArchived);
        Assert.False((await ItemAsync(database, later)).IsArchived);
        Assert.Equal("Udløber efter sidste dato 10. december 2026 kl. 16.00", (await StateAsync(database, later))!.Note(Now));
        Assert.Equal(new DateTime(2026, 12, 10, 15, 0, 0, DateTimeKind.Utc), await Runner(database).NextDueAsync());
    }

    [Fact]
    public async Task ACourseWithNoExpiryRecordedYetIsArchivedAfterItsLastDate()
    {
        await using var database = await CreateAsync();
        var id = await CourseExpiryTests.CourseAsync(database, "Kursus uden spor", publish: true, ("01-12-2026 09:00", "16:00", "Open"));
        await using (var db = database.NewContext())
        {
            // As a course published before expiry was recorded has it: nothing dealt with yet.
            Assert.Equal(1, await db.Items.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiryHandledThrough, (DateTime?)null)));
        }

        _clock.Set(new DateTimeOffset(LastEnds).AddHours(1));

        Assert.Equal(1, await Runner(database).RunDueAsync());
        var item = await ItemAsync(database, id);
        Assert.Equal((true, LastEnds), (item.IsArchived, item.ExpiryHandledThrough));
    }

    [Fact]
    public async Task TheKeepChoiceMovesTheCoursesVersionOnRefusesAStaleFormAndIsAuditedBothWays()
    {
        await using var database = await CreateAsync();
        var id = await CourseExpiryTests.CourseAsync(database, "Kursus med valg", publish: true, ("01-12-2026 09:00", "16:00", "Open"));
        var before = (await ItemAsync(database, id)).Version;

        Assert.True((await Expiry(database).SetKeepAsync(id, before, keep: true, Hanne)).Succeeded);
        Assert.Equal(before + 1, (await ItemAsync(database, id)).Version);
        // The form from before the change is refused and changes nothing.
        Assert.Equal(EditOutcome.Conflict, (await Expiry(database).SetKeepAsync(id, before, keep: false, Hanne)).Outcome);
        Assert.True((await ItemAsync(database, id)).KeepAfterLastDate);
        Assert.True((await Expiry(database).SetKeepAsync(id, before + 1, keep: false, Hanne)).Succeeded);
        Assert.Equal(before + 2, (await ItemAsync(database, id)).Version);
        // Choosing what is already chosen changes nothing; a bearing has no such choice.
        Assert.True((await Expiry(database).SetKeepAsync(id, before + 2, keep: false, Hanne)).Succeeded);
        Assert.Equal(before + 2, (await ItemAsync(database, id)).Version);
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        Assert.Equal(EditOutcome.NotFound, (await Expiry(database).SetKeepAsync(mod.Id, mod.Version, keep: true, Hanne)).Outcome);
        Assert.Equal((mod.Version, false), ((await ItemAsync(database, mod.Id)).Version, (await ItemAsync(database, mod.Id)).KeepAfterLastDate));

        await using var db = database.NewContext();
        Assert.Equal(
            ["Behold efter sidste dato: forløbet bliver ikke arkiveret automatisk, når sidste hold er slut.",
             "Udløber efter sidste dato: forløbet bliver arkiveret automatisk, når sidste hold er slut."],
            await db.AuditEntries.Where(a => (a.ContentItemId == id || a.ContentItemId == mod.Id) && a.Action == AuditAction.Scheduled).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());
    }

    private async Task<TestDatabase> CreateAsync() =>
        await TestDatabase.CreateAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    private static ContentEditor Editor(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private static CourseExpiry Expiry(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<CourseExpiry>();

    private static ScheduleRunner Runner(TestDatabase database) => database.Services.GetRequiredService<ScheduleRunner>();

    private static Task<CourseExpiryState?> StateAsync(TestDatabase database, int id) => Expiry(database).ForItemAsync(id);

    private static async Task<ContentItem> ItemAsync(TestDatabase database, int id)
    {
        await using var db = database.NewContext();
        return await db.Items.AsNoTracking().SingleAsync(i => i.Id == id);
    }
}
