using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Publishing;

public sealed class PublishedContentStoreTests
{
    [Fact]
    public async Task TheSiteShowsThePublishedRevisionNotANewerDraft()
    {
        await using var database = await TestDatabase.CreateAsync();
        await AddRevisionAsync(database, "mod", "Mod – kladde", publish: false);
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        store.Invalidate();

        var site = await store.GetAsync();

        Assert.Equal("Mod", site.FindBearing("mod")!.Title);
        await using var db = database.NewContext();
        Assert.True((await db.Items.SingleAsync(i => i.Key == "mod")).HasUnpublishedChanges);
    }

    [Fact]
    public async Task APublishIsSeenOnceTheSnapshotIsInvalidated()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        Assert.Equal("Mod", (await store.GetAsync()).FindBearing("mod")!.Title);

        await AddRevisionAsync(database, "mod", "Mod og modet", publish: true);
        store.Invalidate();

        Assert.Equal("Mod og modet", (await store.GetAsync()).FindBearing("mod")!.Title);
    }

    [Fact]
    public async Task ArchivedItemsAreNotPublished()
    {
        await using var database = await TestDatabase.CreateAsync();
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

    [Fact]
    public async Task TheSiteIsInReadingOrder()
    {
        await using var database = await TestDatabase.CreateAsync();

        var site = await database.Services.GetRequiredService<PublishedContentStore>().GetAsync();

        Assert.Equal("kaere-medarbejder", site.Introduction!.Key);
        Assert.Equal(["kaere-medarbejder", "samarbejde-forebyggelse-og-faellesskaber", "god-ledelse-og-en-arbejdsplads-i-udvikling", "saet-viden-og-kompetencer-i-spil"],
            site.CharterSections.Select(s => s.Key));
        Assert.Equal("Phønix", site.Phoenix!.Title);
    }

    [Fact]
    public void SummariesAreCutAtAWordAndMarked()
    {
        var item = new PublishedItem(1, ContentKind.Bearing, "k", 1, "T", "t", "", "", "", "Vi har modet til at indgå i nye og anderledes samarbejdsrelationer", DateTime.UtcNow);

        Assert.Equal("Vi har modet til at…", item.Summary(22));
        Assert.Equal(item.PlainText, item.Summary(200));
    }

    private static async Task AddRevisionAsync(TestDatabase database, string key, string title, bool publish)
    {
        await using var db = database.NewContext();
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
        item.CurrentRevisionId = revision.Id;
        if (publish)
        {
            item.PublishedRevisionId = revision.Id;
        }

        await db.SaveChangesAsync();
    }
}
