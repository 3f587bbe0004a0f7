using Medarbejdergrundlag.Content.Backup;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Publishing;

/// <summary>
/// The one publish pipeline: saving a change the public site shows moves the version stamp in the
/// same transaction and drops this instance's snapshot on commit, whoever saves it. No test here
/// calls Invalidate or bumps the stamp itself.
/// </summary>
public sealed class PublishPipelineTests
{
    [Theory, Providers]
    public async Task APlainSaveThatArchivesAnItemIsSeenAtOnceAndMovesTheStamp(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        Assert.NotNull((await store.GetAsync()).FindBearing("handlekraft"));
        var before = await StampAsync(database);

        await using (var db = database.NewContext())
        {
            (await db.Items.SingleAsync(i => i.Key == "handlekraft")).IsArchived = true;
            await db.SaveChangesAsync();
        }

        Assert.Null((await store.GetAsync()).FindBearing("handlekraft"));
        Assert.Equal(before + 1, await StampAsync(database));
    }

    [Theory, Providers]
    public async Task SavingADraftLeavesTheStampAndTheSnapshotAlone(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        var snapshot = await store.GetAsync();
        var before = await StampAsync(database);

        var item = await FindAsync(database, "mod");
        var saved = await Editor(database).SaveDraftAsync(item.Id, item.Version,
            RevisionInput.From(item.CurrentRevision!) with { Title = "Mod – kladde" }, "Hanne");

        Assert.True(saved.Succeeded);
        Assert.Equal(before, await StampAsync(database));
        Assert.Same(snapshot, await store.GetAsync());
    }

    [Theory, Providers]
    public async Task AChangeInsideATransactionThatRollsBackMovesNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        var snapshot = await store.GetAsync();
        var before = await StampAsync(database);

        await using (var db = database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Items.SingleAsync(i => i.Key == "mod")).IsArchived = true;
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await StampAsync(database));
        Assert.Same(snapshot, await store.GetAsync());
        Assert.NotNull(snapshot.FindBearing("mod"));
    }

    [Theory, Providers]
    public async Task AChangeInsideTheCallersTransactionShowsWhenItCommits(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        var snapshot = await store.GetAsync();

        await using var db = database.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        (await db.Items.SingleAsync(i => i.Key == "mod")).IsArchived = true;
        await db.SaveChangesAsync();
        Assert.Same(snapshot, await store.GetAsync());

        await transaction.CommitAsync();

        Assert.Null((await store.GetAsync()).FindBearing("mod"));
    }

    [Fact]
    public async Task RestoringABackupIsSeenAtOnceOnThisInstance()
    {
        await using var source = await TestDatabase.CreateAsync();
        var item = await FindAsync(source, "mod");
        var saved = await Editor(source).SaveDraftAsync(item.Id, item.Version, RevisionInput.From(item.CurrentRevision!) with { Title = "Mod fra sikkerhedskopien" }, "Hanne");
        Assert.True((await Editor(source).PublishAsync(item.Id, saved.Item!.Version, "Hanne")).Succeeded);
        using var file = new MemoryStream();
        await source.Services.CreateScope().ServiceProvider.GetRequiredService<ContentBackup>().ExportAsync(file);

        await using var target = await TestDatabase.CreateAsync(initialize: false);
        await target.Services.MigrateContentStoreAsync();
        var store = target.Services.GetRequiredService<PublishedContentStore>();
        Assert.Empty((await store.GetAsync()).Bearings);
        file.Position = 0;
        await target.Services.CreateScope().ServiceProvider.GetRequiredService<ContentBackup>().ImportAsync(file, force: false);

        Assert.Equal("Mod fra sikkerhedskopien", (await store.GetAsync()).FindBearing("mod")!.Title);
    }

    [Fact]
    public async Task ASynchronousSaveMovesTheStampInItsOwnCommittedTransactionAndIsSeenAtOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        Assert.NotNull((await store.GetAsync()).FindBearing("handlekraft"));
        var before = await StampAsync(database);

        using (var db = database.NewContext())
        {
            db.Items.Single(i => i.Key == "handlekraft").IsArchived = true;
            db.SaveChanges();
            Assert.Null(db.Database.CurrentTransaction);
        }

        Assert.Null((await store.GetAsync()).FindBearing("handlekraft"));
        Assert.Equal(before + 1, await StampAsync(database));
    }

    [Fact]
    public async Task ASynchronousChangeThatRollsBackMovesNothingAndIsForgotten()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        var snapshot = await store.GetAsync();
        var before = await StampAsync(database);

        using var db = database.NewContext();
        using (var transaction = db.Database.BeginTransaction())
        {
            db.Items.Single(i => i.Key == "mod").IsArchived = true;
            db.SaveChanges();
            Assert.Same(snapshot, await store.GetAsync());
            transaction.Rollback();
        }

        Assert.Equal(before, await StampAsync(database));
        Assert.Same(snapshot, await store.GetAsync());

        // The same context commits a transaction that changes nothing public: the rolled-back change is not counted.
        db.ChangeTracker.Clear();
        using (var transaction = db.Database.BeginTransaction())
        {
            transaction.Commit();
        }

        Assert.Same(snapshot, await store.GetAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ASaveThatFailsEndsItsOwnTransactionMovesNothingAndIsForgotten(bool synchronous)
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        var snapshot = await store.GetAsync();
        var before = await StampAsync(database);

        using var db = database.NewContext();
        db.Items.Single(i => i.Key == "handlekraft").Key = "mod"; // a key is unique
        if (synchronous)
        {
            Assert.Throws<DbUpdateException>(() => db.SaveChanges());
        }
        else
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Null(db.Database.CurrentTransaction);
        Assert.Equal(before, await StampAsync(database));
        Assert.Same(snapshot, await store.GetAsync());

        // A later transaction on the same context that changes nothing public leaves the snapshot alone.
        db.ChangeTracker.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await transaction.CommitAsync();
        }

        Assert.Same(snapshot, await store.GetAsync());
    }

    private static ContentEditor Editor(TestDatabase database) =>
        database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private static async Task<ContentItem> FindAsync(TestDatabase database, string key)
    {
        await using var db = database.NewContext();
        return await db.Items.AsNoTracking().Include(i => i.CurrentRevision).SingleAsync(i => i.Key == key);
    }

    private static async Task<long> StampAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await ContentVersion.ReadAsync(db);
    }
}
