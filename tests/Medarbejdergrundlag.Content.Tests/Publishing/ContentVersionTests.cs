using Microsoft.Extensions.Configuration;
using System.Diagnostics;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Medarbejdergrundlag.Content.Tests.Publishing;

/// <summary>
/// Another instance is modelled by a second <see cref="PublishedContentStore"/> over the same
/// database, with its own clock: it learns of a publish only through the version stamp.
/// </summary>
public sealed class ContentVersionTests
{
    [Theory, Providers]
    public async Task APublishElsewhereShowsOnceTheCheckIntervalHasPassed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock();
        var other = OtherInstance(database, clock);
        Assert.Equal("Mod", (await other.GetAsync()).FindBearing("mod")!.Title);

        await PublishAsync(database, "mod", "Mod til forandring", throughPipeline: true);

        Assert.Equal("Mod", (await other.GetAsync()).FindBearing("mod")!.Title);
        clock.Advance(PublishedContentStore.CheckInterval);
        Assert.Equal("Mod til forandring", (await other.GetAsync()).FindBearing("mod")!.Title);
    }

    [Theory, Providers]
    public async Task AWriteThatBypassesThePipelineIsNotSeenByOtherInstances(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock();
        var other = OtherInstance(database, clock);
        Assert.Equal("Mod", (await other.GetAsync()).FindBearing("mod")!.Title);

        await PublishAsync(database, "mod", "Mod til forandring", throughPipeline: false);
        clock.Advance(PublishedContentStore.CheckInterval * 5);

        Assert.Equal("Mod", (await other.GetAsync()).FindBearing("mod")!.Title);
    }

    [Theory, Providers]
    public async Task ABumpIsPartOfThePublishTransactionAndRollsBackWithIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var before = await ContentVersion.ReadAsync(db);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await ContentVersion.BumpAsync(db);
            await ContentVersion.BumpAsync(db);
            Assert.Equal(before + 2, await ContentVersion.ReadAsync(db));
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await ContentVersion.ReadAsync(db));
        await ContentVersion.BumpAsync(db);
        Assert.Equal(before + 1, await ContentVersion.ReadAsync(db));
    }

    [Fact]
    public async Task AStoreThatNeverReachedTheDatabaseSaysSoQuickly()
    {
        // A port nothing listens on: the database is "away" from the start.
        var services = new ServiceCollection()
            .AddContentStore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = ContentDatabase.Postgres,
                ["ConnectionStrings:Content"] = "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z",
            }).Build(), AppContext.BaseDirectory)
            .BuildServiceProvider();
        var store = new PublishedContentStore(
            services.GetRequiredService<IDbContextFactory<ContentDbContext>>(), TimeProvider.System, NullLogger<PublishedContentStore>.Instance);

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<ContentUnavailableException>(store.GetAsync);
        await Assert.ThrowsAsync<ContentUnavailableException>(store.GetAsync);

        Assert.True(watch.Elapsed < PublishedContentStore.DatabaseTimeout * 2, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task WhileTheDatabaseIsAwayTheLastSnapshotIsServedAndAfterwardsTheNewContent()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new ManualClock();
        var other = OtherInstance(database, clock);
        var site = await other.GetAsync();

        await AwayAsync(database, away: true);
        clock.Advance(PublishedContentStore.CheckInterval);
        Assert.Same(site, await other.GetAsync());

        await AwayAsync(database, away: false);
        await PublishAsync(database, "mod", "Mod til forandring", throughPipeline: true);

        // The failed read counted as a check: the next one comes after the interval, not at once.
        Assert.Same(site, await other.GetAsync());
        clock.Advance(PublishedContentStore.CheckInterval);
        var published = await other.GetAsync();
        Assert.Equal("Mod til forandring", published.FindBearing("mod")!.Title);

        // A snapshot marked stale is still served while the database is away, and reloaded once it is back.
        await AwayAsync(database, away: true);
        other.Invalidate();
        Assert.Same(published, await other.GetAsync());
        await AwayAsync(database, away: false);
        var reloaded = await other.GetAsync();
        Assert.NotSame(published, reloaded);
        Assert.Equal("Mod til forandring", reloaded.FindBearing("mod")!.Title);
    }

    [Fact]
    public async Task ABumpWithoutTheStampRowSaysTheMigrationsAreMissing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        await db.ContentVersion.ExecuteDeleteAsync();

        var asynchronous = await Assert.ThrowsAsync<InvalidOperationException>(() => ContentVersion.BumpAsync(db));
        var synchronous = Assert.Throws<InvalidOperationException>(() => ContentVersion.Bump(db));

        Assert.Contains("migrations", asynchronous.Message, StringComparison.Ordinal);
        Assert.Equal(asynchronous.Message, synchronous.Message);
    }

    /// <summary>A real failure: while the database is "away", the stamp's table is not there.</summary>
    private static async Task AwayAsync(TestDatabase database, bool away)
    {
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync(away
            ? "ALTER TABLE \"ContentVersion\" RENAME TO \"ContentVersionAway\""
            : "ALTER TABLE \"ContentVersionAway\" RENAME TO \"ContentVersion\"");
    }

    private static PublishedContentStore OtherInstance(TestDatabase database, TimeProvider clock) =>
        new(database.Services.GetRequiredService<IDbContextFactory<ContentDbContext>>(), clock, NullLogger<PublishedContentStore>.Instance);

    /// <summary>What the admin's publish does: new revision, pointer moved, stamp bumped, one transaction.</summary>
    private static async Task PublishAsync(TestDatabase database, string key, string title, bool throughPipeline)
    {
        // The app's contexts publish through the pipeline; a standalone one is a write by hand, without it.
        await using var db = throughPipeline ? database.NewContext() : TestDatabase.StandaloneContext(database.Provider, database.ConnectionString);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var item = await db.Items.Include(i => i.Revisions).SingleAsync(i => i.Key == key);
        var revision = new ContentRevision
        {
            Number = item.Revisions.Count + 1,
            Title = title,
            Slug = key,
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "test",
        };
        item.Revisions.Add(revision);
        await db.SaveChangesAsync();
        item.CurrentRevisionId = item.PublishedRevisionId = revision.Id;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
