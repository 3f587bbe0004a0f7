using System.Threading.Channels;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Scheduling;

/// <summary>The worker that polls for due schedules, its heartbeat, and how schedules read in Danish.</summary>
public sealed class ScheduleWorkerTests
{
    // Friday 27 November 2026, 14:00 in Copenhagen (UTC+1).
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");

    [Fact]
    public async Task TheRunningWorkerPublishesAScheduleWithinSecondsOfItsTimeAndBeatsWhileItWaits()
    {
        var clock = new TestClock(Start);
        await using var database = await TestDatabase.CreateAsync(services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton(new ContentStoreOptions(ContentDatabase.Sqlite, MigrateOnStart: true, WarmUpOnStart: false));
        });
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var draft = await scope.ServiceProvider.GetRequiredService<ContentEditor>().SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod fra i dag"), Hanne);
            Assert.True((await scope.ServiceProvider.GetRequiredService<PublishSchedule>().SchedulePublishAsync(mod.Id, draft.Revision!.Number, "27-11-2026 15:00", Hanne)).Succeeded);
        }

        var worker = ActivatorUtilities.CreateInstance<ScheduleWorker>(database.Services);
        var heartbeat = database.Services.GetRequiredService<ScheduleHeartbeat>();
        await worker.StartAsync(CancellationToken.None);
        try
        {
            // An hour to go: the worker keeps polling (about once a second, which the timer test below
            // pins), not once an hour. Two fresh beats are awaited rather than a fixed time, so that a
            // busy machine's slower polls do not fail the test; a worker that waited for the schedule
            // beats once at most.
            var beats = 0;
            var previous = heartbeat.SinceLastPoll;
            var watched = System.Diagnostics.Stopwatch.StartNew();
            while (beats < 2 && watched.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(20);
                var since = heartbeat.SinceLastPoll;
                beats += since < previous ? 1 : 0;
                previous = since;
            }

            Assert.True(beats >= 2, $"{beats} polls in {watched.Elapsed.TotalSeconds:F1} s while the schedule was an hour away");
            Assert.Equal(ScheduleState.Pending, await StateAsync(database));

            clock.Advance(TimeSpan.FromHours(1));
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await StateAsync(database) == ScheduleState.Pending && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }

            Assert.Equal(ScheduleState.Done, await StateAsync(database));
            Assert.Equal("Mod fra i dag", (await ScheduledPublishingTests.ItemAsync(database, "mod")).PublishedRevision!.Title);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// How long the worker waits before its next poll, seen through the timer it asks its clock for:
    /// a second when nothing is due soon, until the next schedule when that is sooner, and never less
    /// than 20 ms, so a schedule due in a moment is not polled for in a tight loop.
    /// </summary>
    [Theory]
    [InlineData(null, 1000)]
    [InlineData(3_600_000, 1000)]
    [InlineData(300, 300)]
    [InlineData(5, 20)]
    public async Task TheWorkerWaitsASecondOrUntilTheNextScheduleIfSoonerButNeverUnderTwentyMilliseconds(int? dueInMs, int waitMs)
    {
        var clock = new WaitRecordingClock(Start);
        await using var database = await TestDatabase.CreateAsync(services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton(new ContentStoreOptions(ContentDatabase.Sqlite, MigrateOnStart: true, WarmUpOnStart: false));
        });
        if (dueInMs is { } ms)
        {
            var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
            await using (var scope = database.Services.CreateAsyncScope())
            {
                Assert.True((await scope.ServiceProvider.GetRequiredService<PublishSchedule>().ScheduleArchiveAsync(mod.Id, "27-11-2026 15:00", Hanne)).Succeeded);
            }

            clock.Now = Start.AddHours(1).AddMilliseconds(-ms);
        }

        var worker = ActivatorUtilities.CreateInstance<ScheduleWorker>(database.Services);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            Assert.Equal(TimeSpan.FromMilliseconds(waitMs), await clock.Waits.Reader.ReadAsync(timeout.Token));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        if (dueInMs is not null)
        {
            Assert.Equal(ScheduleState.Pending, await StateAsync(database));
        }
    }

    [Fact]
    public void TheHeartbeatTellsHowLongSinceTheLastPollAndAllowsTwoIntervals()
    {
        var clock = new ManualClock();
        var heartbeat = new ScheduleHeartbeat(clock);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), heartbeat.SinceLastPoll);
        heartbeat.Polled();
        Assert.Equal(TimeSpan.Zero, heartbeat.SinceLastPoll);
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), heartbeat.SinceLastPoll);
        Assert.Equal(TimeSpan.FromSeconds(2), ScheduleHeartbeat.Allowed);
    }

    [Fact]
    public void SchedulesReadInDanishOnOdensesWallClock()
    {
        // 1 January 2027 07:00 UTC is 08:00 in Copenhagen; 1 July is summer time (UTC+2).
        var winter = new DateTime(2027, 1, 1, 7, 0, 0, DateTimeKind.Utc);
        Assert.Equal("1. januar 2027 kl. 08.00", ScheduleText.When(winter));
        Assert.Equal("1. juli 2027 kl. 09.05", ScheduleText.When(new DateTime(2027, 7, 1, 7, 5, 0, DateTimeKind.Utc)));
        Assert.Equal("Udgives 1. januar 2027 kl. 08.00", ScheduleText.Upcoming(ScheduledActionKind.Publish, winter));
        Assert.Equal("Arkiveres 1. januar 2027 kl. 08.00", ScheduleText.Upcoming(ScheduledActionKind.Archive, winter));
        Assert.Equal("Arkiveres 1. januar 2027 kl. 08.00", ScheduleText.Upcoming(new ScheduledAction { Kind = ScheduledActionKind.Archive, DueAt = winter, ScheduledBy = "x", ScheduledById = "x" }));
        Assert.Equal("udgivelse af version 5", ScheduleText.What(ScheduledActionKind.Publish, 5));
        Assert.Equal("arkivering", ScheduleText.What(ScheduledActionKind.Archive, 5));
        Assert.Equal("4. marts 2027", ScheduleText.Date(new DateOnly(2027, 3, 4)));
        Assert.Equal("04-03-2027", ScheduleText.FormatDate(new DateOnly(2027, 3, 4)));
    }

    [Theory]
    [InlineData("24-03-2027")]
    [InlineData("24-3-2027")]
    [InlineData("24.03.2027")]
    [InlineData("24.3.2027")]
    [InlineData("24/03/2027")]
    [InlineData("24/3/2027")]
    [InlineData("2027-03-24")]
    [InlineData("  24-03-2027 ")]
    public void ADateIsReadInEveryDanishWayAndAsAnHtmlDate(string text) =>
        Assert.Equal((new DateOnly(2027, 3, 24), (string?)null), ScheduleText.ParseDate(text));

    [Theory]
    [InlineData(null, "Skriv en dato, fx 24-03-2027.")]
    [InlineData("  ", "Skriv en dato, fx 24-03-2027.")]
    [InlineData("03-24-2027", "»03-24-2027« er ikke en dato. Skriv den som 24-03-2027.")]
    [InlineData(" 24-03-27 ", "»24-03-27« er ikke en dato. Skriv den som 24-03-2027.")]
    public void ANonDateIsRefusedInDanish(string? text, string error) =>
        Assert.Equal(((DateOnly?)null, error), ScheduleText.ParseDate(text));

    /// <summary>A clock standing still whose timers are real, and which tells what waits were asked of it.</summary>
    private sealed class WaitRecordingClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public Channel<TimeSpan> Waits { get; } = Channel.CreateUnbounded<TimeSpan>();

        public override DateTimeOffset GetUtcNow() => Now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Waits.Writer.TryWrite(dueTime);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    private static async Task<ScheduleState> StateAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.ScheduledActions.Select(s => s.State).SingleAsync();
    }
}
