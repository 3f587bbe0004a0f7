using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Editing;

public sealed class ContentEditorTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SavingMakesADraftAndThePublicSiteKeepsThePublishedText()
    {
        var mod = await ItemAsync("mod");

        var result = await Editor().SaveDraftAsync(mod.Id, mod.Version, Input(mod, title: "Mod (kladde)"), "Hanne");

        Assert.True(result.Succeeded);
        var after = await ItemAsync("mod");
        Assert.True(after.HasUnpublishedChanges);
        Assert.Equal(2, after.CurrentRevision!.Number);
        Assert.Equal("Mod", (await Site()).FindBearing("mod")!.Title);
    }

    [Fact]
    public async Task SaveAndPublishWritesTheRevisionAndThePublishTogetherAsOneChange()
    {
        var mod = await ItemAsync("mod");

        var result = await Editor().SaveAndPublishAsync(mod.Id, mod.Version, Input(mod, title: "Mod at handle", note: "Ny titel"), "Hanne");

        Assert.True(result.Succeeded);
        var after = await ItemAsync("mod");
        Assert.False(after.HasUnpublishedChanges);
        Assert.Equal((2, mod.Version + 1), (after.PublishedRevision!.Number, after.Version));
        Assert.Equal("Mod at handle", (await Site()).FindBearing("mod")!.Title);
        await using var db = _database.NewContext();
        Assert.Equal([AuditAction.Saved, AuditAction.Published],
            await db.AuditEntries.Where(a => a.ContentItemId == mod.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task SaveAndPublishThatIsRefusedChangesNothing()
    {
        var udvikling = await ItemAsync("udvikling");
        // Another editor's draft has taken the address.
        var mod = await ItemAsync("mod");
        Assert.True((await Editor().SaveDraftAsync(mod.Id, mod.Version, Input(mod, slug: "vaekst"), "Anna")).Succeeded);

        var result = await Editor().SaveAndPublishAsync(udvikling.Id, udvikling.Version, Input(udvikling, title: "Vækst", slug: "vaekst"), "Hanne");

        Assert.False(result.Succeeded);
        var after = await ItemAsync("udvikling");
        Assert.Equal((1, udvikling.Version), (after.CurrentRevision!.Number, after.Version));
        Assert.Equal("Udvikling", (await Site()).FindBearing("udvikling")!.Title);
    }

    [Fact]
    public async Task PublishingShowsTheDraftOnThePublicSiteAtOnce()
    {
        var mod = await ItemAsync("mod");
        var saved = await Editor().SaveDraftAsync(mod.Id, mod.Version, Input(mod, title: "Modet"), "Hanne");
        Assert.Equal("Mod", (await Site()).FindBearing("mod")!.Title);

        var published = await Editor().PublishAsync(mod.Id, saved.Item!.Version, "Hanne");

        Assert.True(published.Succeeded);
        Assert.Equal("Modet", (await Site()).FindBearing("mod")!.Title);
        Assert.False((await ItemAsync("mod")).HasUnpublishedChanges);
    }

    [Fact]
    public async Task TheSecondOfTwoEditorsIsRefusedAndTheFirstsTextIsStored()
    {
        var mod = await ItemAsync("mod");
        var openedVersion = mod.Version;

        var first = await Editor().SaveDraftAsync(mod.Id, openedVersion, Input(mod, body: "Anna skrev dette."), "Anna");
        var second = await Editor().SaveDraftAsync(mod.Id, openedVersion, Input(mod, body: "Bo skrev dette."), "Bo");

        Assert.True(first.Succeeded);
        Assert.Equal(EditOutcome.Conflict, second.Outcome);
        Assert.Equal("Anna skrev dette.", second.Revision!.BodyMarkdown);
        var stored = await ItemAsync("mod");
        Assert.Equal("Anna skrev dette.", stored.CurrentRevision!.BodyMarkdown);
        Assert.Equal(2, await CountAsync<ContentRevision>(r => r.ContentItemId == mod.Id));
    }

    [Fact]
    public async Task AWriterWhoSlipsInBetweenReadAndWriteIsCaughtByTheVersionColumn()
    {
        var mod = await ItemAsync("mod");
        await using var scope = _database.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var loaded = await editor.FindAsync(mod.Id);
        Assert.NotNull(loaded);

        // Another instance bumps the version directly in the database after our read.
        await using (var other = _database.NewContext())
        {
            await other.Items.Where(i => i.Id == mod.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, i => i.Version + 1));
        }

        var result = await editor.SaveDraftAsync(mod.Id, mod.Version, Input(mod, body: "For sent."), "Bo");

        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        Assert.Equal(1, await CountAsync<ContentRevision>(r => r.ContentItemId == mod.Id));
    }

    [Fact]
    public async Task RestoringMakesANewDraftAndLeavesHistoryAlone()
    {
        var mod = await ItemAsync("mod");
        var saved = await Editor().SaveDraftAsync(mod.Id, mod.Version, Input(mod, body: "Ny tekst."), "Anna");
        var before = await RevisionsAsync(mod.Id);

        var restored = await Editor().RestoreAsync(mod.Id, 1, saved.Item!.Version, "Anna");

        Assert.True(restored.Succeeded);
        var after = await RevisionsAsync(mod.Id);
        Assert.Equal(3, after.Count);
        Assert.All(before, old => Assert.Equivalent(old, after.Single(r => r.Id == old.Id)));
        var newest = after.Single(r => r.Number == 3);
        Assert.Equal(before.Single(r => r.Number == 1).BodyMarkdown, newest.BodyMarkdown);
        Assert.Equal("Gendannet fra version 1", newest.ChangeNote);
        Assert.Equal(newest.Id, (await ItemAsync("mod")).CurrentRevisionId);
        Assert.Equal(before.Single(r => r.Number == 1).Id, (await ItemAsync("mod")).PublishedRevisionId);
    }

    [Fact]
    public async Task ARenamedBearingKeepsItsOldAddressesEvenAfterASecondRename()
    {
        var mod = await ItemAsync("mod");
        await SaveAndPublishAsync(mod, slug: "modet");
        await SaveAndPublishAsync(await ItemAsync("mod"), slug: "mod-og-mening");

        var site = await Site();

        Assert.Equal("mod-og-mening", site.BearingRedirect("mod"));
        Assert.Equal("mod-og-mening", site.BearingRedirect("modet"));
        Assert.Null(site.BearingRedirect("mod-og-mening"));
    }

    [Fact]
    public async Task TakingBackAnOldSlugMakesItLiveAgainWithoutALoop()
    {
        var mod = await ItemAsync("mod");
        await SaveAndPublishAsync(mod, slug: "modet");
        await SaveAndPublishAsync(await ItemAsync("mod"), slug: "mod");

        var site = await Site();

        Assert.Equal("mod", site.FindBearing("mod")!.Slug);
        Assert.Null(site.BearingRedirect("mod"));
        Assert.Equal("mod", site.BearingRedirect("modet"));
    }

    [Theory]
    [InlineData("udvikling", "bruges allerede")]
    [InlineData("admin", "forbeholdt portalen")]
    [InlineData("!!!", "mindst ét bogstav")]
    public async Task SlugsInUseReservedOrEmptyAreRefusedAndNothingIsSaved(string slug, string message)
    {
        var mod = await ItemAsync("mod");

        var result = await Editor().SaveDraftAsync(mod.Id, mod.Version, Input(mod, slug: slug), "Anna");

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.Errors[RevisionFields.Slug]);
        Assert.Equal(1, await CountAsync<ContentRevision>(r => r.ContentItemId == mod.Id));
        Assert.Equal(0, await CountAsync<AuditEntry>(_ => true));
    }

    [Fact]
    public async Task AnOldSlugOfAnotherBearingCannotBeTaken()
    {
        await SaveAndPublishAsync(await ItemAsync("mod"), slug: "modet");
        var udvikling = await ItemAsync("udvikling");

        var result = await Editor().SaveDraftAsync(udvikling.Id, udvikling.Version, Input(udvikling, slug: "mod"), "Anna");

        Assert.Contains("tidligere ført til", result.Errors[RevisionFields.Slug]);
    }

    [Fact]
    public async Task SlugsAreTransliteratedAndLowerCased()
    {
        var mod = await ItemAsync("mod");

        var result = await Editor().SaveDraftAsync(mod.Id, mod.Version, Input(mod, slug: "Mod & Åbenhed Før Alt"), "Anna");

        Assert.Equal("mod-aabenhed-foer-alt", result.Revision!.Slug);
    }

    [Fact]
    public async Task OnlyBearingsChooseTheirAddress()
    {
        var phoenix = await ItemAsync("phoenix");

        var result = await Editor().SaveDraftAsync(phoenix.Id, phoenix.Version, Input(phoenix, slug: "noget-andet"), "Anna");

        Assert.Equal("phoenix", result.Revision!.Slug);
    }

    [Fact]
    public async Task InvalidInputGetsDanishMessagesPerFieldAndChangesNothing()
    {
        var mod = await ItemAsync("mod");

        var result = await Editor().SaveDraftAsync(mod.Id, mod.Version,
            new RevisionInput("", "mod", new string('x', 1001), "ok", new string('n', 501)) { Bearing = new(string.Join('\n', Enumerable.Repeat("punkt", 21)), "") }, "Anna");

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal("Skriv en titel.", result.Errors[RevisionFields.Title]);
        Assert.Contains("højst være 1000 tegn", result.Errors[RevisionFields.Lead]);
        Assert.Contains("højst være 20 punkter", result.Errors[RevisionFields.Points]);
        Assert.Contains("højst være 500 tegn", result.Errors[RevisionFields.ChangeNote]);
        Assert.Equal(mod.Version, (await ItemAsync("mod")).Version);
    }

    [Fact]
    public async Task EveryActionWritesAnAuditEntry()
    {
        var mod = await ItemAsync("mod");
        var saved = await Editor().SaveDraftAsync(mod.Id, mod.Version, Input(mod, body: "Ny", note: "Kortere"), "Anna");
        var published = await Editor().PublishAsync(mod.Id, saved.Item!.Version, "Bo");
        var restored = await Editor().RestoreAsync(mod.Id, 1, published.Item!.Version, "Anna");
        var archived = await Editor().SetArchivedAsync(mod.Id, true, restored.Item!.Version, "Anna");
        await Editor().SetArchivedAsync(mod.Id, false, archived.Item!.Version, "Anna");
        await Editor().MoveAsync((await ItemAsync("faellesskab")).Id, -1, "Bo");
        var created = await Editor().CreateAsync(ContentKind.CharterSection, new RevisionInput("Nyt afsnit", null, "", "Tekst"), "Anna");

        await using var db = _database.NewContext();
        var log = await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(
            [AuditAction.Saved, AuditAction.Published, AuditAction.Restored, AuditAction.Archived, AuditAction.Unarchived, AuditAction.Reordered, AuditAction.Created],
            log.Select(a => a.Action));
        Assert.Equal(["Anna", "Bo", "Anna", "Anna", "Anna", "Bo", "Anna"], log.Select(a => a.User));
        Assert.Equal("Version 2: Kortere", log[0].Details);
        Assert.All(log.Take(5), a => Assert.Equal(mod.Id, a.ContentItemId));
        Assert.Equal(created.Item!.Id, log[^1].ContentItemId);
    }

    [Fact]
    public async Task AuditEntriesAndRevisionsCannotBeChangedOrDeleted()
    {
        var mod = await ItemAsync("mod");
        await Editor().SaveDraftAsync(mod.Id, mod.Version, Input(mod, body: "Ny"), "Anna");
        await using var db = _database.NewContext();

        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        (await db.Revisions.FirstAsync()).BodyMarkdown = "omskrevet";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ArchivingHidesAndRecoveringBringsBack()
    {
        var handlekraft = await ItemAsync("handlekraft");

        var archived = await Editor().SetArchivedAsync(handlekraft.Id, true, handlekraft.Version, "Anna");
        Assert.Null((await Site()).FindBearing("handlekraft"));

        await Editor().SetArchivedAsync(handlekraft.Id, false, archived.Item!.Version, "Anna");
        Assert.NotNull((await Site()).FindBearing("handlekraft"));
        Assert.Equal(1, await CountAsync<ContentRevision>(r => r.ContentItemId == handlekraft.Id));
    }

    [Fact]
    public async Task MovingABearingChangesTheOrderOnThePublicSite()
    {
        var faellesskab = await ItemAsync("faellesskab");

        var result = await Editor().MoveAsync(faellesskab.Id, -1, "Anna");
        var refused = await Editor().MoveAsync((await ItemAsync("mod")).Id, -1, "Anna");

        Assert.True(result.Succeeded);
        Assert.Equal(["Mod", "Udvikling", "Fællesskab", "Handlekraft"], (await Site()).Bearings.Select(b => b.Title));
        Assert.Equal(EditOutcome.Invalid, refused.Outcome);
    }

    [Fact]
    public async Task ANewItemStartsAsAnUnpublishedDraft()
    {
        var result = await Editor().CreateAsync(ContentKind.Bearing, new RevisionInput("Nysgerrighed", null, "Lyst til at spørge", "Tekst") { Bearing = new("Et punkt", "") }, "Anna");

        Assert.True(result.Succeeded);
        Assert.Equal("nysgerrighed", result.Revision!.Slug);
        Assert.Null(result.Item!.PublishedRevisionId);
        Assert.Null((await Site()).FindBearing("nysgerrighed"));
    }

    private ContentEditor Editor() => _database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private async Task<PublishedSite> Site() => await _database.Services.GetRequiredService<PublishedContentStore>().GetAsync();

    private async Task<ContentItem> ItemAsync(string key)
    {
        await using var db = _database.NewContext();
        return await db.Items.AsNoTracking().Include(i => i.CurrentRevision).Include(i => i.PublishedRevision).SingleAsync(i => i.Key == key);
    }

    private async Task<List<ContentRevision>> RevisionsAsync(int itemId)
    {
        await using var db = _database.NewContext();
        return await db.Revisions.AsNoTracking().Where(r => r.ContentItemId == itemId).OrderBy(r => r.Number).ToListAsync();
    }

    private async Task<int> CountAsync<T>(System.Linq.Expressions.Expression<Func<T, bool>> predicate)
        where T : class
    {
        await using var db = _database.NewContext();
        return await db.Set<T>().CountAsync(predicate);
    }

    private async Task SaveAndPublishAsync(ContentItem item, string slug)
    {
        var published = await Editor().SaveAndPublishAsync(item.Id, item.Version, Input(item, slug: slug), "Anna");
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Values));
    }

    private static RevisionInput Input(ContentItem item, string? title = null, string? slug = null, string? body = null, string? note = null)
    {
        var current = item.CurrentRevision!;
        return RevisionInput.From(current, note) with { Title = title ?? current.Title, Slug = slug ?? current.Slug, Body = body ?? current.BodyMarkdown };
    }
}
