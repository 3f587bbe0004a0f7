using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Medarbejdergrundlag.Content.Tests.Publishing;

public sealed class PublishedContentStoreTests
{
    [Theory, Providers]
    public async Task TheSiteShowsThePublishedRevisionNotANewerDraft(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddRevisionAsync(database, "mod", "Mod – kladde", publish: false);
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        store.Invalidate();

        var site = await store.GetAsync();

        Assert.Equal("Mod", site.FindBearing("mod")!.Title);
        await using var db = database.NewContext();
        Assert.True((await db.Items.SingleAsync(i => i.Key == "mod")).HasUnpublishedChanges);
    }

    [Theory, Providers]
    public async Task APublishIsSeenOnceTheSnapshotIsInvalidated(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        Assert.Equal("Mod", (await store.GetAsync()).FindBearing("mod")!.Title);

        await AddRevisionAsync(database, "mod", "Mod og modet", publish: true);
        store.Invalidate();

        Assert.Equal("Mod og modet", (await store.GetAsync()).FindBearing("mod")!.Title);
    }

    [Fact]
    public async Task ALargeNewSnapshotEndsWithACompactingCollectionOfTheEntitiesItWasMadeFrom()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        await store.GetAsync();
        await AddRevisionAsync(database, "mod", "Mod og modet", publish: true, body: new string('m', (int)RebuildMemory.LargeText));
        store.Invalidate();
        var before = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;

        await store.GetAsync();

        var after = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Assert.True(after.Index > before, "no full blocking collection after the reload");
        Assert.True(after.Compacted);
    }

    [Theory, Providers]
    public async Task ArchivedItemsAreNotPublished(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            (await db.Items.SingleAsync(i => i.Key == "handlekraft")).IsArchived = true;
            await db.SaveChangesAsync();
        }

        var store = database.Services.GetRequiredService<PublishedContentStore>();
        store.Invalidate();
        var site = await store.GetAsync();

        Assert.Null(site.FindBearing("handlekraft"));
        Assert.Equal(["Mod", "Udvikling", "Fællesskab"], site.Bearings.Select(b => b.Title));
    }

    [Theory, Providers]
    public async Task TheSiteIsInReadingOrder(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var site = await database.Services.GetRequiredService<PublishedContentStore>().GetAsync();

        Assert.Equal("kaere-medarbejder", site.Introduction!.Key);
        Assert.Equal(["kaere-medarbejder", "samarbejde-forebyggelse-og-faellesskaber", "god-ledelse-og-en-arbejdsplads-i-udvikling", "saet-viden-og-kompetencer-i-spil"],
            site.CharterSections.Select(s => s.Key));
        Assert.Equal("Phønix", site.Phoenix!.Title);
    }

    [Fact]
    public async Task PeekGivesTheSnapshotHeldInEachLanguageWithoutReadingAndNothingBeforeTheFirstLoad()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = new PublishedContentStore(
            database.Services.GetRequiredService<IDbContextFactory<ContentDbContext>>(), TimeProvider.System, NullLogger<PublishedContentStore>.Instance);
        Assert.Null(store.Peek(PortalCulture.DanishCode));
        Assert.Null(store.Peek(PortalCulture.EnglishCode));

        var danish = await store.GetAsync(PortalCulture.DanishCode);

        Assert.Equal(PortalCulture.DanishCode, danish.Language);
        Assert.Same(danish, store.Peek(PortalCulture.DanishCode));
        var english = store.Peek(PortalCulture.EnglishCode);
        Assert.Equal(PortalCulture.EnglishCode, english!.Language);
        Assert.Same(english, await store.GetAsync(PortalCulture.EnglishCode));

        // Stale or not, Peek never reads: it keeps giving what is held until the next load.
        store.Invalidate();
        Assert.Same(danish, store.Peek(PortalCulture.DanishCode));
    }

    [Fact]
    public void SummariesAreCutAtAWordAndMarked()
    {
        var item = new PublishedItem(1, ContentKind.Bearing, "k", 1, "T", "t", "", "", "Vi har modet til at indgå i nye og anderledes samarbejdsrelationer", DateTime.UtcNow);

        Assert.Equal("Vi har modet til at…", item.Summary(22));
        Assert.Equal(item.PlainText, item.Summary(200));
    }

    private static async Task AddRevisionAsync(TestDatabase database, string key, string title, bool publish, string body = "")
    {
        await using var db = database.NewContext();
        var item = await db.Items.Include(i => i.Revisions).SingleAsync(i => i.Key == key);
        var revision = new ContentRevision
        {
            Number = item.Revisions.Count + 1,
            Title = title,
            Slug = key,
            BodyMarkdown = body,
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "test",
        };
        item.Revisions.Add(revision);
        await db.SaveChangesAsync();
        item.CurrentRevisionId = revision.Id;
        if (publish)
        {
            item.PublishedRevisionId = revision.Id;
        }

        await db.SaveChangesAsync();
    }
}
