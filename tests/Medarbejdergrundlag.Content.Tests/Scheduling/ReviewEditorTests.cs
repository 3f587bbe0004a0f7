using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Scheduling;

/// <summary>Owners and review dates: the "Skal gennemgås" list, who can own an item, setting both and marking an item reviewed.</summary>
public sealed class ReviewEditorTests
{
    // Wednesday 10 March 2027, 13:00 in Copenhagen (UTC+1).
    private static readonly DateOnly Today = new(2027, 3, 10);
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");
    private static readonly EditorRef Anders = new("persona:anders", "Anders Andersen");

    private readonly TestClock _clock = new(new DateTimeOffset(2027, 3, 10, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TheListHasWhatIsOverdueOrDueWithinThirtyDaysMostOverdueFirstAndNothingArchived()
    {
        await using var database = await CreateAsync();
        await using (var db = database.NewContext())
        {
            var items = await db.Items.ToListAsync();
            foreach (var item in items)
            {
                item.ReviewBy = Today.AddDays(100);
            }

            items.Single(i => i.Key == "mod").ReviewBy = Today.AddDays(30);
            items.Single(i => i.Key == "udvikling").ReviewBy = Today;
            items.Single(i => i.Key == "handlekraft").ReviewBy = Today.AddDays(31);
            // Without a date of its own: due 12 months after its last change, here 12 days ago.
            var faellesskab = items.Single(i => i.Key == "faellesskab");
            faellesskab.ReviewBy = null;
            faellesskab.UpdatedAt = new DateTime(2026, 2, 26, 12, 0, 0, DateTimeKind.Utc);
            var archived = items.First(i => i.Kind != ContentKind.Bearing);
            archived.ReviewBy = Today.AddDays(-50);
            archived.IsArchived = true;
            await db.SaveChangesAsync();
        }

        await using var scope = database.Services.CreateAsyncScope();
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewEditor>();
        Assert.Equal(Today, reviews.Today);
        var due = await reviews.DueAsync();

        Assert.Equal([("Fællesskab", Today.AddDays(-12), true), ("Udvikling", Today, false), ("Mod", Today.AddDays(30), false)],
            due.Select(d => (d.Title, d.ReviewBy, d.Overdue(Today))).ToList());
    }

    [Fact]
    public async Task TheListOrdersItemsDueTheSameDayByTitleInDanishOrder()
    {
        await using var database = await CreateAsync();
        await using (var db = database.NewContext())
        {
            foreach (var item in await db.Items.ToListAsync())
            {
                item.ReviewBy = item.Kind == ContentKind.Bearing ? Today.AddDays(1) : Today.AddDays(100);
            }

            await db.SaveChangesAsync();
        }

        await using var scope = database.Services.CreateAsyncScope();
        var due = await scope.ServiceProvider.GetRequiredService<ReviewEditor>().DueAsync();

        Assert.Equal(["Fællesskab", "Handlekraft", "Mod", "Udvikling"], due.Select(d => d.Title));
    }

    [Fact]
    public void AnItemWithoutAReviewDateIsDueTwelveMonthsAfterItsLastChangeInCopenhagen()
    {
        // 23:30 UTC on 31 January is 1 February in Copenhagen.
        Assert.Equal(new DateOnly(2028, 2, 1), ReviewEditor.EffectiveReviewBy(null, new DateTime(2027, 1, 31, 23, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2027, 5, 5), ReviewEditor.EffectiveReviewBy(new DateOnly(2027, 5, 5), new DateTime(2027, 1, 31, 23, 30, 0, DateTimeKind.Utc)));
        Assert.True(new ReviewDue(1, "x", ContentKind.Bearing, null, Today.AddDays(-1), null, 1).Overdue(Today));
        Assert.False(new ReviewDue(1, "x", ContentKind.Bearing, null, Today, null, 1).Overdue(Today));
    }

    [Fact]
    public async Task TheEditorsToChooseFromAreEveryoneWhoMadeAChangeByTheirNewestNameWithTheCurrentEditorOnce()
    {
        await using var database = await CreateAsync();
        await using (var db = database.NewContext())
        {
            db.AuditEntries.AddRange(
                new AuditEntry { User = "Anders And", UserId = Anders.Id, At = DateTime.UtcNow },
                new AuditEntry { User = Anders.Name, UserId = Anders.Id, At = DateTime.UtcNow },
                new AuditEntry { User = "Hanne (gammelt navn)", UserId = Hanne.Id, At = DateTime.UtcNow },
                new AuditEntry { User = "Uden id", UserId = "", At = DateTime.UtcNow },
                new AuditEntry { User = "Bente Berg", UserId = "persona:bente", At = DateTime.UtcNow },
                new AuditEntry { User = Medarbejdergrundlag.Content.Seed.ContentSeeder.SeedAuthor, UserId = Medarbejdergrundlag.Content.Seed.ContentSeeder.SeedAuthor, At = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var scope = database.Services.CreateAsyncScope();
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewEditor>();

        // The seeded author ("Oprindeligt indhold", its id its name) owns nothing; an entry without an id is nobody.
        Assert.Equal([Anders, new EditorRef("persona:bente", "Bente Berg"), Hanne], await reviews.KnownEditorsAsync(Hanne));
        // A current editor without a login id is not offered either.
        Assert.Equal([Anders, new EditorRef("persona:bente", "Bente Berg"), new EditorRef(Hanne.Id, "Hanne (gammelt navn)")],
            await reviews.KnownEditorsAsync(new EditorRef("", "Ingen")));
    }

    [Fact]
    public async Task SettingAnOwnerAndADateIsAuditedWithWhatWasBeforeAndCountsAsAChange()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");
        var before = ReviewEditor.EffectiveReviewBy(mod);

        var result = await SetAsync(database, mod.Id, mod.Version, Anders.Id, "24-03-2027");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        var after = await ItemAsync(database, "mod");
        Assert.Equal((Anders.Id, Anders.Name, new DateOnly(2027, 3, 24), mod.Version + 1), (after.OwnerId, after.OwnerName, after.ReviewBy, after.Version));
        var entry = await LastAuditAsync(database, mod.Id);
        Assert.Equal((AuditAction.ReviewChanged, Hanne.Id, "Mod"), (entry.Action, entry.UserId, entry.ItemTitle));
        Assert.Equal($"Ansvarlig: Anders Andersen (før: ingen). Gennemgås senest 24. marts 2027 (før: {ScheduleText.Date(before)}).", entry.Details);

        // Taking the owner away, the same date: only the owner is told.
        result = await SetAsync(database, mod.Id, after.Version, "", "24-3-2027");
        Assert.True(result.Succeeded);
        var cleared = await ItemAsync(database, "mod");
        Assert.Equal((null, null, new DateOnly(2027, 3, 24), after.Version + 1), (cleared.OwnerId, cleared.OwnerName, cleared.ReviewBy, cleared.Version));
        Assert.Equal("Ansvarlig: ingen (før: Anders Andersen).", (await LastAuditAsync(database, mod.Id)).Details);
    }

    [Fact]
    public async Task ADateSetBeforeCanBeMovedAndTheAuditSaysFromWhat()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");
        Assert.True((await SetAsync(database, mod.Id, mod.Version, "", "24-03-2027")).Succeeded);
        var set = await ItemAsync(database, "mod");

        var result = await SetAsync(database, mod.Id, set.Version, "", "07-04-2027");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        var moved = await ItemAsync(database, "mod");
        Assert.Equal((new DateOnly(2027, 4, 7), set.Version + 1), (moved.ReviewBy, moved.Version));
        Assert.Equal("Gennemgås senest 7. april 2027 (før: 24. marts 2027).", (await LastAuditAsync(database, mod.Id)).Details);
    }

    [Fact]
    public async Task SettingWhatIsAlreadyThereChangesNothingAndWritesNoAuditEntry()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");
        Assert.True((await SetAsync(database, mod.Id, mod.Version, Anders.Id, "24-03-2027")).Succeeded);
        var set = await ItemAsync(database, "mod");
        var entries = await AuditCountAsync(database);

        var result = await SetAsync(database, mod.Id, set.Version, Anders.Id, "24.03.2027");

        Assert.True(result.Succeeded);
        Assert.Equal(set.Version, (await ItemAsync(database, "mod")).Version);
        Assert.Equal(entries, await AuditCountAsync(database));
    }

    [Fact]
    public async Task AnOwnerGivenToAnItemWithoutADateOfItsOwnFixesTheDateItHad()
    {
        await using var database = await CreateAsync();
        await using (var db = database.NewContext())
        {
            var item = await db.Items.SingleAsync(i => i.Key == "mod");
            item.ReviewBy = null;
            item.UpdatedAt = new DateTime(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        }

        var mod = await ItemAsync(database, "mod");
        var result = await SetAsync(database, mod.Id, mod.Version, Anders.Id, "01-06-2027");

        Assert.True(result.Succeeded);
        var after = await ItemAsync(database, "mod");
        Assert.Equal((Anders.Id, new DateOnly(2027, 6, 1)), (after.OwnerId, after.ReviewBy));
        Assert.Equal("Ansvarlig: Anders Andersen (før: ingen).", (await LastAuditAsync(database, mod.Id)).Details);
    }

    [Theory]
    [InlineData("", "persona:anders", "Skriv en dato, fx 24-03-2027.", null)]
    [InlineData("32-03-2027", "persona:anders", "»32-03-2027« er ikke en dato. Skriv den som 24-03-2027.", null)]
    [InlineData("24-03-2027", "persona:ukendt", null, "Vælg en ansvarlig fra listen.")]
    [InlineData("i morgen", "persona:ukendt", "»i morgen« er ikke en dato. Skriv den som 24-03-2027.", "Vælg en ansvarlig fra listen.")]
    public async Task ABadDateOrAnOwnerNotOnTheListIsRefusedInDanishAndChangesNothing(string date, string owner, string? dateError, string? ownerError)
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");
        var entries = await AuditCountAsync(database);

        var result = await SetAsync(database, mod.Id, mod.Version, owner, date);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(dateError, result.Errors.GetValueOrDefault(ReviewEditor.ReviewByField));
        Assert.Equal(ownerError, result.Errors.GetValueOrDefault(ReviewEditor.OwnerField));
        var after = await ItemAsync(database, "mod");
        Assert.Equal((mod.Version, mod.OwnerId, mod.ReviewBy), (after.Version, after.OwnerId, after.ReviewBy));
        Assert.Equal(entries, await AuditCountAsync(database));
    }

    [Fact]
    public async Task AnOldVersionOrAMissingItemIsRefusedAndChangesNothing()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");

        Assert.Equal(EditOutcome.Conflict, (await SetAsync(database, mod.Id, mod.Version - 1, Anders.Id, "24-03-2027")).Outcome);
        Assert.Equal(EditOutcome.NotFound, (await SetAsync(database, 99999, 1, Anders.Id, "24-03-2027")).Outcome);
        await using var scope = database.Services.CreateAsyncScope();
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewEditor>();
        Assert.Equal(EditOutcome.Conflict, (await reviews.MarkReviewedAsync(mod.Id, mod.Version + 1, Hanne)).Outcome);
        Assert.Equal(EditOutcome.NotFound, (await reviews.MarkReviewedAsync(99999, 1, Hanne)).Outcome);
        var after = await ItemAsync(database, "mod");
        Assert.Equal((mod.Version, mod.OwnerId, mod.LastReviewedAt), (after.Version, after.OwnerId, after.LastReviewedAt));
    }

    [Fact]
    public async Task MarkingAnItemReviewedRecordsWhenAndPutsTheNextReviewTwelveMonthsOn()
    {
        await using var database = await CreateAsync();
        var mod = await ItemAsync(database, "mod");

        await using (var scope = database.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ReviewEditor>().MarkReviewedAsync(mod.Id, mod.Version, Hanne);
            Assert.True(result.Succeeded);
        }

        var after = await ItemAsync(database, "mod");
        Assert.Equal((new DateOnly(2028, 3, 10), _clock.GetUtcNow().UtcDateTime, mod.Version + 1), (after.ReviewBy!.Value, after.LastReviewedAt!.Value, after.Version));
        var entry = await LastAuditAsync(database, mod.Id);
        Assert.Equal((AuditAction.Reviewed, Hanne.Name), (entry.Action, entry.User));
        Assert.Equal($"Gennemgået uden ændringer (udgivet version: {mod.PublishedRevision!.Number}). Næste gennemgang senest 10. marts 2028.", entry.Details);
    }

    private async Task<TestDatabase> CreateAsync() =>
        await TestDatabase.CreateAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    private static async Task<EditResult> SetAsync(TestDatabase database, int id, int version, string ownerId, string date)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewEditor>();
        return await reviews.SetAsync(id, version, ownerId, date, [Hanne, Anders], Hanne);
    }

    private static Task<ContentItem> ItemAsync(TestDatabase database, string key) => ScheduledPublishingTests.ItemAsync(database, key);

    private static async Task<AuditEntry> LastAuditAsync(TestDatabase database, int itemId)
    {
        await using var db = database.NewContext();
        return await db.AuditEntries.Where(a => a.ContentItemId == itemId).OrderByDescending(a => a.Id).FirstAsync();
    }

    private static async Task<int> AuditCountAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.AuditEntries.CountAsync();
    }
}
