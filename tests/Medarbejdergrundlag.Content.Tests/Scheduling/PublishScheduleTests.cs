using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Medarbejdergrundlag.Content.Tests.Scheduling.ScheduledPublishingTests;

namespace Medarbejdergrundlag.Content.Tests.Scheduling;

/// <summary>What editors do with schedules, step by step: each refusal in Danish, each step audited in words.</summary>
public sealed class PublishScheduleTests
{
    // Friday 27 November 2026, 14:00 in Copenhagen (UTC+1).
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");

    private readonly TestClock _clock = new(Start);

    [Fact]
    public async Task MakingMovingAndCancellingAScheduleIsAuditedInWordsAndOnlyTheCancelClosesIt()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, With(mod, "Mod senere"), Hanne);
        var number = draft.Revision!.Number;

        Assert.True((await Schedule(database).SchedulePublishAsync(mod.Id, number, "27-11-2026 15:00", Hanne)).Succeeded);
        var made = await SingleScheduleAsync(database);
        Assert.Equal((ScheduledActionKind.Publish, draft.Revision.Id, new DateTime(2026, 11, 27, 14, 0, 0), ScheduleState.Pending, Start.UtcDateTime, Hanne.Name, Hanne.Id, 1),
            (made.Kind, made.RevisionId!.Value, made.DueAt, made.State, made.ScheduledAt, made.ScheduledBy, made.ScheduledById, made.Version));
        Assert.Equal($"Udgivelse af version {number} er planlagt til 27. november 2026 kl. 15.00.", (await LastAuditAsync(database, mod.Id)).Details);
        // Scheduling changes nothing the site shows: the item's version stays, so an open edit form stays valid.
        Assert.Equal(draft.Item!.Version, (await ItemAsync(database, "mod")).Version);

        Assert.True((await Schedule(database).ChangeAsync(made.Id, made.Version, "28-11-2026 09:30", Hanne)).Succeeded);
        var moved = await SingleScheduleAsync(database);
        Assert.Equal((new DateTime(2026, 11, 28, 8, 30, 0), 2, (string?)null, (DateTime?)null), (moved.DueAt, moved.Version, moved.ClosedBy, moved.ClosedAt));
        var entry = await LastAuditAsync(database, mod.Id);
        Assert.Equal((AuditAction.Scheduled, $"Planlagt udgivelse af version {number} er flyttet fra 27. november 2026 kl. 15.00 til 28. november 2026 kl. 09.30."),
            (entry.Action, entry.Details));

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await Schedule(database).CancelAsync(moved.Id, moved.Version, Hanne)).Succeeded);
        var cancelled = await SingleScheduleAsync(database);
        Assert.Equal((ScheduleState.Cancelled, 3, Hanne.Name, Start.UtcDateTime.AddMinutes(5)), (cancelled.State, cancelled.Version, cancelled.ClosedBy, cancelled.ClosedAt!.Value));
        entry = await LastAuditAsync(database, mod.Id);
        Assert.Equal((AuditAction.ScheduleCancelled, $"Planlagt udgivelse af version {number} 28. november 2026 kl. 09.30 er annulleret."), (entry.Action, entry.Details));
        Assert.Empty(await Schedule(database).OpenForItemAsync(mod.Id));
        // Cancelled is done with: it cannot be cancelled, moved or dismissed again.
        Assert.Equal("Planlægningen er ændret imens: den er kørt, flyttet eller annulleret. Se siden igen.",
            (await Schedule(database).CancelAsync(cancelled.Id, cancelled.Version, Hanne)).Errors[""]);
        Assert.False((await Schedule(database).DismissAsync(cancelled.Id, cancelled.Version, Hanne)).Succeeded);
    }

    [Fact]
    public async Task MovingToATimeThatHasPassedIsRefusedAndChangesNothing()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, With(mod, "Mod senere"), Hanne);
        Assert.True((await Schedule(database).SchedulePublishAsync(mod.Id, draft.Revision!.Number, "27-11-2026 15:00", Hanne)).Succeeded);
        var made = await SingleScheduleAsync(database);

        // Exactly now has passed too.
        var result = await Schedule(database).ChangeAsync(made.Id, made.Version, "27-11-2026 14:00", Hanne);

        Assert.Equal("27. november 2026 kl. 14.00 er allerede passeret. Vælg et tidspunkt frem i tiden.", result.Errors[PublishSchedule.WhenField]);
        var after = await SingleScheduleAsync(database);
        Assert.Equal((made.DueAt, made.Version), (after.DueAt, after.Version));
        Assert.Equal(AuditAction.Scheduled, (await LastAuditAsync(database, mod.Id)).Action);
        Assert.Equal(2, await AuditCountAsync(database, mod.Id));
    }

    [Fact]
    public async Task APendingPublishCanTakeTheNewestDraftInsteadOnceAndOnlyWhileItIsADraft()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");
        var first = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, With(mod, "Mod første"), Hanne);
        Assert.True((await Schedule(database).SchedulePublishAsync(mod.Id, first.Revision!.Number, "28-11-2026 09:00", Hanne)).Succeeded);
        var newer = await Editor(database).SaveDraftAsync(mod.Id, first.Item!.Version, With(first.Item, "Mod nyeste"), Hanne);
        var made = await SingleScheduleAsync(database);

        var result = await Schedule(database).ScheduleNewestAsync(made.Id, made.Version, Hanne);

        Assert.True(result.Succeeded);
        var taken = await SingleScheduleAsync(database);
        Assert.Equal((newer.Revision!.Id, made.Version + 1, made.DueAt), (taken.RevisionId!.Value, taken.Version, taken.DueAt));
        var entry = await LastAuditAsync(database, mod.Id);
        Assert.Equal((AuditAction.Scheduled, "Mod nyeste",
            $"Planlagt udgivelse 28. november 2026 kl. 09.00 udgiver nu version {newer.Revision.Number} i stedet for version {first.Revision.Number}."),
            (entry.Action, entry.ItemTitle, entry.Details));

        // Again: it already does.
        Assert.Equal($"Den planlagte udgivelse udgiver allerede den nyeste kladde (version {newer.Revision.Number}).",
            (await Schedule(database).ScheduleNewestAsync(taken.Id, taken.Version, Hanne)).Errors[""]);
        // An old form is refused.
        Assert.False((await Schedule(database).ScheduleNewestAsync(taken.Id, made.Version, Hanne)).Succeeded);

        // The newest published by hand: nothing newer to take, and the scheduled version is now older than the live one.
        var current = await ItemAsync(database, "mod");
        var live = await Editor(database).SaveAndPublishAsync(mod.Id, current.Version, With(current, "Mod udgivet"), Hanne);
        Assert.True(live.Succeeded);
        Assert.Equal($"Den nyeste version ({live.Revision!.Number}) er allerede udgivet. Annullér planlægningen, eller gem en ny kladde først.",
            (await Schedule(database).ScheduleNewestAsync(taken.Id, taken.Version, Hanne)).Errors[""]);
        Assert.Equal(newer.Revision.Id, (await SingleScheduleAsync(database)).RevisionId);
        Assert.Equal($"Version {live.Revision.Number} er allerede udgivet og er nyere end version {first.Revision.Number}.",
            (await Schedule(database).SchedulePublishAsync(mod.Id, first.Revision.Number, "29-11-2026 09:00", Hanne)).Errors[""]);
    }

    [Fact]
    public async Task AnArchiveIsScheduledBesideAPublishButNotTwiceAndCannotTakeADraft()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, With(mod, "Mod senere"), Hanne);
        Assert.True((await Schedule(database).SchedulePublishAsync(mod.Id, draft.Revision!.Number, "28-11-2026 09:00", Hanne)).Succeeded);

        Assert.True((await Schedule(database).ScheduleArchiveAsync(mod.Id, "30-11-2026 09:00", Hanne)).Succeeded);
        Assert.Equal("Arkivering er planlagt til 30. november 2026 kl. 09.00.", (await LastAuditAsync(database, mod.Id)).Details);
        Assert.Equal("Der er allerede planlagt en arkivering af dette indhold. Flyt den, eller annullér den først.",
            (await Schedule(database).ScheduleArchiveAsync(mod.Id, "01-12-2026 09:00", Hanne)).Errors[""]);
        Assert.Equal("Der er allerede planlagt en udgivelse af dette indhold. Flyt den, eller annullér den først.",
            (await Schedule(database).SchedulePublishAsync(mod.Id, draft.Revision.Number, "01-12-2026 09:00", Hanne)).Errors[""]);

        var open = await Schedule(database).OpenForItemAsync(mod.Id);
        Assert.Equal([ScheduledActionKind.Publish, ScheduledActionKind.Archive], open.Select(s => s.Kind));
        var archive = open[1];
        Assert.Null(archive.RevisionId);
        Assert.Equal("Kun en planlagt udgivelse kan skifte til den nyeste kladde.",
            (await Schedule(database).ScheduleNewestAsync(archive.Id, archive.Version, Hanne)).Errors[""]);
        Assert.Equal(1, (await Schedule(database).OpenForItemAsync(mod.Id))[1].Version);
    }

    [Fact]
    public async Task WhatIsNotThereOrAlreadyArchivedCannotBeScheduled()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");

        Assert.Equal(EditOutcome.NotFound, (await Schedule(database).SchedulePublishAsync(99999, 1, "28-11-2026 09:00", Hanne)).Outcome);
        Assert.Equal(EditOutcome.NotFound, (await Schedule(database).ScheduleArchiveAsync(99999, "28-11-2026 09:00", Hanne)).Outcome);
        Assert.Equal("Version 9 findes ikke.", (await Schedule(database).SchedulePublishAsync(mod.Id, 9, "28-11-2026 09:00", Hanne)).Errors[""]);
        Assert.Equal(EditOutcome.NotFound, (await Schedule(database).CancelAsync(99999, 1, Hanne)).Outcome);
        Assert.Equal(EditOutcome.NotFound, (await Schedule(database).ChangeAsync(99999, 1, "28-11-2026 09:00", Hanne)).Outcome);

        await using (var db = database.NewContext())
        {
            var item = await db.Items.SingleAsync(i => i.Id == mod.Id);
            item.IsArchived = true;
            await db.SaveChangesAsync();
        }

        Assert.Equal("Indholdet er allerede arkiveret.", (await Schedule(database).ScheduleArchiveAsync(mod.Id, "28-11-2026 09:00", Hanne)).Errors[""]);
        await using var check = database.NewContext();
        Assert.False(await check.ScheduledActions.AnyAsync());
    }

    [Fact]
    public async Task OnlyAFailedScheduleCanBeDismissedAndDismissingClosesIt()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, With(mod, "Mod senere"), Hanne);
        Assert.True((await Schedule(database).SchedulePublishAsync(mod.Id, draft.Revision!.Number, "27-11-2026 15:00", Hanne)).Succeeded);
        var pending = await SingleScheduleAsync(database);
        Assert.False((await Schedule(database).DismissAsync(pending.Id, pending.Version, Hanne)).Succeeded);

        await using (var db = database.NewContext())
        {
            var action = await db.ScheduledActions.SingleAsync();
            action.State = ScheduleState.Failed;
            await db.SaveChangesAsync();
        }

        // A failed one cannot be cancelled (it is not pending), only dismissed.
        Assert.False((await Schedule(database).CancelAsync(pending.Id, pending.Version, Hanne)).Succeeded);
        Assert.True((await Schedule(database).DismissAsync(pending.Id, pending.Version, Hanne)).Succeeded);
        var dismissed = await SingleScheduleAsync(database);
        Assert.Equal((ScheduleState.Dismissed, Hanne.Name, Start.UtcDateTime), (dismissed.State, dismissed.ClosedBy, dismissed.ClosedAt!.Value));
        var entry = await LastAuditAsync(database, mod.Id);
        Assert.Equal((AuditAction.ScheduleCancelled, $"Den mislykkede planlagte udgivelse af version {draft.Revision.Number} 27. november 2026 kl. 15.00 er markeret som håndteret."),
            (entry.Action, entry.Details));
    }

    private async Task<TestDatabase> CreateAsync() =>
        await TestDatabase.CreateAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    private static ContentEditor Editor(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private static PublishSchedule Schedule(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<PublishSchedule>();

    private static async Task<ScheduledAction> SingleScheduleAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.ScheduledActions.AsNoTracking().SingleAsync();
    }

    private static async Task<AuditEntry> LastAuditAsync(TestDatabase database, int itemId)
    {
        await using var db = database.NewContext();
        return await db.AuditEntries.Where(a => a.ContentItemId == itemId).OrderByDescending(a => a.Id).FirstAsync();
    }

    private static async Task<int> AuditCountAsync(TestDatabase database, int itemId)
    {
        await using var db = database.NewContext();
        return await db.AuditEntries.CountAsync(a => a.ContentItemId == itemId);
    }
}
