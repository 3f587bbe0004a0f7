using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Scheduling;

/// <summary>Scheduled publishing and archiving on a clock the test moves, on SQLite and PostgreSQL.</summary>
public sealed class ScheduledPublishingTests
{
    // Friday 27 November 2026, 14:00 in Copenhagen (UTC+1).
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");

    private readonly TestClock _clock = new(Start);

    [Theory, Providers]
    public async Task AtItsTimeTheScheduledRevisionIsPublishedTheNewerDraftStaysADraftAndTheRunIsAudited(string provider)
    {
        await using var database = await CreateAsync(provider);
        var mod = await ItemAsync(database, "mod");
        var scheduled = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, With(mod, "Mod fra nytår"), Hanne);
        Assert.True((await Schedule(database).SchedulePublishAsync(mod.Id, scheduled.Revision!.Number, "27-11-2026 15:00", Hanne)).Succeeded);
        var afterSchedule = await ItemAsync(database, "mod");
        Assert.True((await Editor(database).SaveDraftAsync(mod.Id, afterSchedule.Version, With(afterSchedule, "Mod (ny kladde)"), "Anna")).Succeeded);

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await Runner(database).RunDueAsync());
        Assert.Equal("Mod", (await Site(database)).FindBearing("mod")!.Title);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Runner(database).RunDueAsync());

        Assert.Equal("Mod fra nytår", (await Site(database)).FindBearing("mod")!.Title);
        var after = await ItemAsync(database, "mod");
        Assert.Equal(scheduled.Revision.Number, after.PublishedRevision!.Number);
        Assert.Equal("Mod (ny kladde)", after.CurrentRevision!.Title);
        Assert.True(after.HasUnpublishedChanges);
        await using var db = database.NewContext();
        var run = await db.AuditEntries.Where(a => a.ContentItemId == mod.Id && a.Action == AuditAction.Published).SingleAsync();
        Assert.Equal((Hanne.Name, Hanne.Id, Start.UtcDateTime.AddHours(1)), (run.User, run.UserId, run.At));
        Assert.StartsWith("Udgivet efter planlægning: planlagt af Hanne HR-redaktør 27. november 2026 kl. 14.00 til 27. november 2026 kl. 15.00, kørt 27. november 2026 kl. 15.00.", run.Details);
        Assert.Contains($"Version {scheduled.Revision.Number}.", run.Details);
        var schedule = await db.ScheduledActions.SingleAsync();
        Assert.Equal((ScheduleState.Done, Start.UtcDateTime.AddHours(1)), (schedule.State, schedule.RanAt));
        // Running again finds nothing: it ran once.
        Assert.Equal(0, await Runner(database).RunDueAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.ContentItemId == mod.Id && a.Action == AuditAction.Published));
    }

    [Theory, Providers]
    public async Task TheOverviewListsOpenSchedulesWithTitleAndNumberInOrder(string provider)
    {
        await using var database = await CreateAsync(provider);
        var mod = await ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, With(mod, "Mod senere"), Hanne);
        Assert.True((await Schedule(database).SchedulePublishAsync(mod.Id, draft.Revision!.Number, "28-11-2026 09:00", Hanne)).Succeeded);
        var udvikling = await ItemAsync(database, "udvikling");
        Assert.True((await Schedule(database).ScheduleArchiveAsync(udvikling.Id, "27-11-2026 16:00", Hanne)).Succeeded);

        var open = await Schedule(database).OpenAsync();

        // Soonest first; the item's current title; the publish's revision number, none for an archive.
        Assert.Equal(
            [(udvikling.Id, "Udvikling", ScheduledActionKind.Archive, (int?)null, ScheduleState.Pending, "Hanne HR-redaktør"),
             (mod.Id, "Mod senere", ScheduledActionKind.Publish, draft.Revision.Number, ScheduleState.Pending, "Hanne HR-redaktør")],
            open.Select(o => (o.ContentItemId, o.ItemTitle, o.Kind, o.RevisionNumber, o.State, o.ScheduledBy)).ToList());
    }

    [Theory, Providers]
    public async Task ASchedulingRunnerOnEveryInstanceAtTheSameMomentPublishesOnce(string provider)
    {
        await using var database = await CreateAsync(provider);
        var mod = await ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, With(mod, "Mod på én gang"), Hanne);
        Assert.True((await Schedule(database).SchedulePublishAsync(mod.Id, draft.Revision!.Number, "27-11-2026 14:30", Hanne)).Succeeded);
        _clock.Advance(TimeSpan.FromHours(1));

        // Eight runners at once, as eight instances would poll.
        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Runner(database).RunDueAsync())));

        Assert.Equal(1, runs.Sum());
        await using var db = database.NewContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.ContentItemId == mod.Id && a.Action == AuditAction.Published));
        Assert.Equal("Mod på én gang", (await ItemAsync(database, "mod")).PublishedRevision!.Title);
    }

    [Theory, Providers]
    public async Task AScheduledPublishWhoseAddressIsTakenByThenFailsVisiblyAndPublishesNothing(string provider)
    {
        await using var database = await CreateAsync(provider);
        var udvikling = await ItemAsync(database, "udvikling");
        var renamed = await Editor(database).SaveDraftAsync(udvikling.Id, udvikling.Version, With(udvikling, "Vækst", slug: "vaekst"), Hanne);
        Assert.True((await Schedule(database).SchedulePublishAsync(udvikling.Id, renamed.Revision!.Number, "28-11-2026 08:00", Hanne)).Succeeded);
        // Later the draft goes back to the old address, and another bearing takes "vaekst" and publishes it.
        var current = await ItemAsync(database, "udvikling");
        Assert.True((await Editor(database).SaveDraftAsync(udvikling.Id, current.Version, With(current, "Udvikling", slug: "udvikling"), "Anna")).Succeeded);
        var mod = await ItemAsync(database, "mod");
        Assert.True((await Editor(database).SaveAndPublishAsync(mod.Id, mod.Version, With(mod, "Vækst og mod", slug: "vaekst"), "Anna")).Succeeded);
        var stampBefore = await StampAsync(database);

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await Runner(database).RunDueAsync());

        await using var db = database.NewContext();
        var schedule = await db.ScheduledActions.SingleAsync();
        Assert.Equal(ScheduleState.Failed, schedule.State);
        Assert.Contains("»vaekst« bruges allerede", schedule.Failure);
        var after = await ItemAsync(database, "udvikling");
        Assert.Equal((udvikling.PublishedRevisionId, "udvikling"), (after.PublishedRevisionId, after.PublishedRevision!.Slug));
        Assert.False(await db.SlugRedirects.AnyAsync(r => r.ContentItemId == udvikling.Id));
        Assert.Equal(stampBefore, await StampAsync(database));
        var failed = await db.AuditEntries.SingleAsync(a => a.ContentItemId == udvikling.Id && a.Action == AuditAction.ScheduleFailed);
        Assert.Contains("kunne ikke gennemføres", failed.Details);
        Assert.Equal(Hanne.Id, failed.UserId);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.ContentItemId == udvikling.Id && a.Action == AuditAction.Published));
        // It stays in front of the editors until one deals with it.
        Assert.Single(await Schedule(database).OpenAsync());
        Assert.True((await Schedule(database).DismissAsync(schedule.Id, schedule.Version, Hanne)).Succeeded);
        Assert.Empty(await Schedule(database).OpenAsync());
    }

    [Theory]
    [InlineData("28-03-2027 02:30", "Klokken 02:30 findes ikke den 28. marts 2027, fordi uret stilles frem til sommertid. Vælg et andet tidspunkt.")]
    [InlineData("31-10-2027 02:30", "Klokken 02:30 forekommer to gange den 31. oktober 2027, fordi uret stilles tilbage til vintertid. Vælg et andet tidspunkt.")]
    [InlineData("27-11-2026 13:59", "27. november 2026 kl. 13.59 er allerede passeret. Vælg et tidspunkt frem i tiden.")]
    [InlineData("1. januar", "»1. januar« er ikke en dato med klokkeslæt. Skriv den som 24-03-2027 09:00.")]
    [InlineData("", "Skriv dato og klokkeslæt, fx 24-03-2027 09:00.")]
    public async Task TimesThatDoNotExistOccurTwiceOrHavePassedAreRefusedInDanishAndNothingIsScheduled(string typed, string message)
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, With(mod, "Mod om natten"), Hanne);

        var result = await Schedule(database).SchedulePublishAsync(mod.Id, draft.Revision!.Number, typed, Hanne);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(message, result.Errors[PublishSchedule.WhenField]);
        await using var db = database.NewContext();
        Assert.False(await db.ScheduledActions.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Scheduled));
    }

    [Theory]
    [InlineData("31-12-2026", 2026, 12, 30, 23)]
    [InlineData("28-03-2027", 2027, 3, 27, 23)]
    [InlineData("1-7-2027", 2027, 6, 30, 22)]
    public async Task ADateAloneMeansMidnightDanishTime(string typed, int year, int month, int day, int hour)
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, With(mod, "Mod fra midnat"), Hanne);

        Assert.True((await Schedule(database).SchedulePublishAsync(mod.Id, draft.Revision!.Number, typed, Hanne)).Succeeded);

        await using var db = database.NewContext();
        var due = (await db.ScheduledActions.SingleAsync()).DueAt;
        Assert.Equal(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc), due);
        Assert.EndsWith("kl. 00.00", ScheduleText.Upcoming(await db.ScheduledActions.SingleAsync()));
    }

    [Fact]
    public async Task TheNightsOfTheClockChangesOtherwiseScheduleAtTheRightInstant()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, With(mod, "Mod efter skiftet"), Hanne);

        // 03:30 on the autumn night exists once: summer time is over, so it is 02:30 UTC.
        Assert.True((await Schedule(database).SchedulePublishAsync(mod.Id, draft.Revision!.Number, "31-10-2027 03:30", Hanne)).Succeeded);

        await using var db = database.NewContext();
        Assert.Equal(new DateTime(2027, 10, 31, 2, 30, 0, DateTimeKind.Utc), (await db.ScheduledActions.SingleAsync()).DueAt);
        Assert.Equal("Udgives 31. oktober 2027 kl. 03.30", ScheduleText.Upcoming(await db.ScheduledActions.SingleAsync()));
    }

    [Fact]
    public async Task AMovedScheduleRunsAtItsNewTimeAndACancelledOneNever()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, With(mod, "Mod senere"), Hanne);
        Assert.True((await Schedule(database).SchedulePublishAsync(mod.Id, draft.Revision!.Number, "27-11-2026 15:00", Hanne)).Succeeded);
        var schedule = (await Schedule(database).OpenForItemAsync(mod.Id)).Single();

        Assert.True((await Schedule(database).ChangeAsync(schedule.Id, schedule.Version, "27-11-2026 17:00", Hanne)).Succeeded);
        // The form that still carries the old version is refused: someone changed the schedule meanwhile.
        Assert.False((await Schedule(database).CancelAsync(schedule.Id, schedule.Version, Hanne)).Succeeded);
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await Runner(database).RunDueAsync());
        Assert.Equal("Mod", (await Site(database)).FindBearing("mod")!.Title);
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await Runner(database).RunDueAsync());
        Assert.Equal("Mod senere", (await Site(database)).FindBearing("mod")!.Title);

        var udvikling = await ItemAsync(database, "udvikling");
        var other = await Editor(database).SaveDraftAsync(udvikling.Id, udvikling.Version, With(udvikling, "Aldrig"), Hanne);
        Assert.True((await Schedule(database).SchedulePublishAsync(udvikling.Id, other.Revision!.Number, "28-11-2026 09:00", Hanne)).Succeeded);
        var pending = (await Schedule(database).OpenForItemAsync(udvikling.Id)).Single();
        Assert.True((await Schedule(database).CancelAsync(pending.Id, pending.Version, Hanne)).Succeeded);
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await Runner(database).RunDueAsync());
        Assert.Equal("Udvikling", (await Site(database)).FindBearing("udvikling")!.Title);
        await using var db = database.NewContext();
        Assert.Equal(
            [AuditAction.Saved, AuditAction.Scheduled, AuditAction.ScheduleCancelled],
            await db.AuditEntries.Where(a => a.ContentItemId == udvikling.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task OnlyADraftCanBeScheduledAndOnlyOncePerItem()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");

        var published = await Schedule(database).SchedulePublishAsync(mod.Id, mod.PublishedRevision!.Number, "28-11-2026 09:00", Hanne);
        Assert.Equal("Version 1 er allerede udgivet. Gem en kladde med ændringerne først.", published.Errors[""]);

        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, With(mod, "Mod to gange"), Hanne);
        Assert.True((await Schedule(database).SchedulePublishAsync(mod.Id, draft.Revision!.Number, "28-11-2026 09:00", Hanne)).Succeeded);
        var twice = await Schedule(database).SchedulePublishAsync(mod.Id, draft.Revision.Number, "29-11-2026 09:00", Hanne);
        Assert.StartsWith("Der er allerede planlagt en udgivelse", twice.Errors[""]);
    }

    [Fact]
    public async Task AScheduledArchiveTakesACourseOffTheSiteAndIsAudited()
    {
        await using var database = await CreateAsync();
        await using (var scope = database.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Medarbejdergrundlag.Content.Seed.ExampleCourseSeeder>().SeedAsync();
        }

        var course = (await Site(database)).Courses[0];
        Assert.True((await Schedule(database).ScheduleArchiveAsync(course.Id, "30-11-2026 16:00", Hanne)).Succeeded);
        _clock.Advance(TimeSpan.FromDays(4));

        Assert.Equal(1, await Runner(database).RunDueAsync());

        Assert.Null((await Site(database)).FindCourse(course.Slug));
        await using var db = database.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.ContentItemId == course.Id && a.Action == AuditAction.Archived);
        Assert.StartsWith("Arkiveret efter planlægning: planlagt af Hanne HR-redaktør", entry.Details);
    }

    private async Task<TestDatabase> CreateAsync(string provider = "Sqlite") =>
        await TestDatabase.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(_clock));

    internal static RevisionInput With(ContentItem item, string title, string? slug = null) =>
        RevisionInput.From(item.CurrentRevision!) with { Title = title, Slug = slug ?? item.CurrentRevision!.Slug, ChangeNote = null };

    private static ContentEditor Editor(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private static PublishSchedule Schedule(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<PublishSchedule>();

    private static ScheduleRunner Runner(TestDatabase database) => database.Services.GetRequiredService<ScheduleRunner>();

    private static async Task<PublishedSite> Site(TestDatabase database) => await database.Services.GetRequiredService<PublishedContentStore>().GetAsync();

    private static async Task<long> StampAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await ContentVersion.ReadAsync(db);
    }

    internal static async Task<ContentItem> ItemAsync(TestDatabase database, string key)
    {
        await using var db = database.NewContext();
        return await db.Items.AsNoTracking().Include(i => i.CurrentRevision).Include(i => i.PublishedRevision).SingleAsync(i => i.Key == key);
    }
}
