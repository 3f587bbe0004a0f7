using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Scheduling;

/// <summary>
/// The runner after a time when no instance ran (overdue schedules in the order they fell due, past
/// schedules never holding up a due one) and when a schedule fails (why, recorded once, and nothing
/// else touched).
/// </summary>
public sealed class ScheduleRunnerTests
{
    // Friday 27 November 2026, 14:00 in Copenhagen (UTC+1).
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");

    private readonly TestClock _clock = new(Start);

    [Fact]
    public async Task OverdueSchedulesRunInTheOrderTheyFellDueAndThoseDueTogetherInTheOrderTheyWereMade()
    {
        await using var database = await CreateAsync();
        var items = await PublishedItemsAsync(database, 3);
        Assert.True((await Schedule(database).ScheduleArchiveAsync(items[0], "27-11-2026 16:00", Hanne)).Succeeded);
        Assert.True((await Schedule(database).ScheduleArchiveAsync(items[1], "27-11-2026 15:00", Hanne)).Succeeded);
        Assert.True((await Schedule(database).ScheduleArchiveAsync(items[2], "27-11-2026 15:00", Hanne)).Succeeded);
        // The overview lists them soonest first, those due together in the order they were made.
        Assert.Equal([items[1], items[2], items[0]], (await Schedule(database).OpenAsync()).Select(o => o.ContentItemId).ToList());
        _clock.Advance(TimeSpan.FromHours(5));

        Assert.Equal(3, await Runner(database).RunDueAsync());

        await using var db = database.NewContext();
        Assert.Equal(
            [items[1], items[2], items[0]],
            await db.AuditEntries.Where(a => a.Action == AuditAction.Archived).OrderBy(a => a.Id).Select(a => a.ContentItemId).ToListAsync());
    }

    [Fact]
    public async Task ManyPastSchedulesDoNotHoldUpADueOne()
    {
        await using var database = await CreateAsync();
        var items = await PublishedItemsAsync(database, 2);
        await using (var db = database.NewContext())
        {
            // Done, cancelled and dismissed schedules from before, more than one poll's batch.
            var states = new[] { ScheduleState.Done, ScheduleState.Cancelled, ScheduleState.Dismissed };
            db.ScheduledActions.AddRange(Enumerable.Range(0, 30).Select(n => new ScheduledAction
            {
                ContentItemId = items[0], Kind = ScheduledActionKind.Archive, State = states[n % 3],
                DueAt = Start.UtcDateTime.AddDays(-30 + n), ScheduledAt = Start.UtcDateTime.AddDays(-31),
                ScheduledBy = Hanne.Name, ScheduledById = Hanne.Id,
            }));
            await db.SaveChangesAsync();
        }

        Assert.True((await Schedule(database).ScheduleArchiveAsync(items[1], "27-11-2026 15:00", Hanne)).Succeeded);
        _clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, await Runner(database).RunDueAsync());
        Assert.True((await ItemAsync(database, items[1])).IsArchived);
        Assert.False((await ItemAsync(database, items[0])).IsArchived);
    }

    [Fact]
    public async Task AFailedScheduleRecordsWhyOnceLeavesTheOtherSchedulesAloneAndRefusesAFormFromBeforeItWasMoved()
    {
        await using var database = await CreateAsync();
        var items = await PublishedItemsAsync(database, 2);
        Assert.True((await Schedule(database).ScheduleArchiveAsync(items[0], "27-11-2026 14:30", Hanne)).Succeeded);
        var made = (await Schedule(database).OpenForItemAsync(items[0])).Single();
        Assert.True((await Schedule(database).ChangeAsync(made.Id, made.Version, "27-11-2026 15:00", Hanne)).Succeeded);
        Assert.True((await Schedule(database).ScheduleArchiveAsync(items[1], "28-11-2026 09:00", Hanne)).Succeeded);
        var other = (await Schedule(database).OpenForItemAsync(items[1])).Single();
        // An editor archives the item by hand before its time.
        var item = await ItemAsync(database, items[0]);
        Assert.True((await Editor(database).SetArchivedAsync(items[0], archived: true, item.Version, Hanne)).Succeeded);
        _clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(1, await Runner(database).RunDueAsync());

        var failed = (await Schedule(database).OpenForItemAsync(items[0])).Single();
        Assert.Equal((ScheduleState.Failed, "Indholdet er allerede arkiveret."), (failed.State, failed.Failure));
        Assert.Equal((ScheduleState.Pending, other.Version, (string?)null), (await Schedule(database).OpenForItemAsync(items[1])).Select(s => (s.State, s.Version, s.Failure)).Single());
        await using (var db = database.NewContext())
        {
            var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ScheduleFailed);
            Assert.Equal((items[0], Hanne.Id, Hanne.Name), (entry.ContentItemId, entry.UserId, entry.User));
            Assert.Equal(
                "Planlagt arkivering 27. november 2026 kl. 15.00 kunne ikke gennemføres: Indholdet er allerede arkiveret. " +
                "Planlagt af Hanne HR-redaktør, forsøgt 27. november 2026 kl. 17.00.",
                entry.Details);
        }

        // The form shown before the schedule was moved names a version long gone: refused.
        Assert.False((await Schedule(database).DismissAsync(failed.Id, made.Version, Hanne)).Succeeded);
        Assert.True((await Schedule(database).DismissAsync(failed.Id, failed.Version, Hanne)).Succeeded);
        Assert.Equal(0, await Runner(database).RunDueAsync());
    }

    [Fact]
    public async Task AWarmUpThatFailsIsOnlyLoggedButAShutdownDuringItStopsIt()
    {
        // No tables yet: the rehearsal cannot even read what to publish.
        await using var empty = await TestDatabase.CreateAsync(initialize: false, services: s => s.AddSingleton<TimeProvider>(_clock));
        Assert.Null(await Runner(empty).WarmUpAsync());

        await using var database = await CreateAsync();
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner(database).WarmUpAsync(stopping.Token));
    }

    private async Task<TestDatabase> CreateAsync() =>
        await TestDatabase.CreateAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    private static async Task<List<int>> PublishedItemsAsync(TestDatabase database, int count)
    {
        await using var db = database.NewContext();
        var ids = await db.Items.Where(i => i.PublishedRevisionId != null && !i.IsArchived).OrderBy(i => i.Id).Select(i => i.Id).Take(count).ToListAsync();
        Assert.Equal(count, ids.Count);
        return ids;
    }

    private static ContentEditor Editor(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private static PublishSchedule Schedule(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<PublishSchedule>();

    private static ScheduleRunner Runner(TestDatabase database) => database.Services.GetRequiredService<ScheduleRunner>();

    private static async Task<ContentItem> ItemAsync(TestDatabase database, int id)
    {
        await using var db = database.NewContext();
        return await db.Items.AsNoTracking().SingleAsync(i => i.Id == id);
    }
}
