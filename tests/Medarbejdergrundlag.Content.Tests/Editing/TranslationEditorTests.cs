using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Editing;

/// <summary>
/// Restoring and unpublishing English translations: a restore adds a new English draft and keeps
/// its source, the two languages never take each other's revisions (they share the numbering),
/// and taking a translation off the English pages leaves the Danish text published.
/// </summary>
public sealed class TranslationEditorTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task RestoringAnEnglishRevisionMakesANewEnglishDraftThatKeepsItsSourceAndLeavesTheDanishTextAlone()
    {
        // English 2 from Danish 1; Danish 3 published; English 4 from Danish 3.
        var first = await TranslateAsync("We dare.", publish: true);
        await PublishDanishAsync("Ny dansk tekst.");
        var second = await TranslateAsync("We dare, again.", publish: true);
        Assert.Equal((2, 4), (first.Number, second.Number));
        var before = await ItemAsync();

        var result = await Translations().RestoreAsync(before.Id, first.Number, before.Version, "Anna");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        var after = await ItemAsync();
        var revisions = await RevisionsAsync(after.Id);
        var restored = revisions.Single(r => r.Id == after.CurrentEnglishRevisionId);
        Assert.Equal((5, PortalCulture.EnglishCode), (restored.Number, restored.Language));
        Assert.Equal("We dare.", restored.BodyMarkdown);
        Assert.Equal(first.TranslatedFromRevisionId, restored.TranslatedFromRevisionId);
        Assert.Equal("Gendannet fra engelsk version 2", restored.ChangeNote);

        // A draft: the English pages still show what was published; nothing old changed or went.
        Assert.Equal(second.Id, after.PublishedEnglishRevisionId);
        Assert.Equal(5, revisions.Count);
        Assert.Equal("We dare, again.", revisions.Single(r => r.Number == 4).BodyMarkdown);
        Assert.Equal((before.CurrentRevisionId, before.PublishedRevisionId), (after.CurrentRevisionId, after.PublishedRevisionId));
        Assert.Equal(before.Version + 1, after.Version);

        await using var db = _database.NewContext();
        var audit = await db.AuditEntries.Where(a => a.ContentItemId == after.Id).OrderBy(a => a.Id).LastAsync();
        Assert.Equal((AuditAction.TranslationRestored, "Anna"), (audit.Action, audit.User));
        Assert.Equal("Engelsk version 5, gendannet fra engelsk version 2, oversat fra dansk version 1.", audit.Details);
    }

    [Fact]
    public async Task ADanishRestoreRefusesAnEnglishRevisionAndAnEnglishRestoreRefusesADanishOneInDanishWritingNothing()
    {
        var english = await TranslateAsync("We dare.", publish: false);
        var before = await ItemAsync();
        var danishNumber = before.CurrentRevision!.Number;

        var asDanish = await Editor().RestoreAsync(before.Id, english.Number, before.Version, "Anna");
        var asEnglish = await Translations().RestoreAsync(before.Id, danishNumber, before.Version, "Anna");

        Assert.Equal(EditOutcome.Invalid, asDanish.Outcome);
        Assert.Equal("Version 2 er en engelsk oversættelse, ikke en dansk version. Gendan den fra oversættelsens historik.", asDanish.Errors[""]);
        Assert.Equal(EditOutcome.Invalid, asEnglish.Outcome);
        Assert.Equal("Version 1 er en dansk version, ikke en engelsk oversættelse. Gendan den fra historikken for den danske tekst.", asEnglish.Errors[""]);
        var after = await ItemAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(2, (await RevisionsAsync(after.Id)).Count);
        Assert.Equal(EditOutcome.NotFound, (await Translations().RestoreAsync(before.Id, 99, before.Version, "Anna")).Outcome);
    }

    [Fact]
    public async Task AnEnglishRestoreFromAPageOpenedBeforeSomeoneElsesSaveIsAConflictAndWritesNothing()
    {
        var english = await TranslateAsync("We dare.", publish: false);
        var opened = await ItemAsync();
        await TranslateAsync("Someone else's words.", publish: false);

        var result = await Translations().RestoreAsync(opened.Id, english.Number, opened.Version, "Anna");

        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        var after = await ItemAsync();
        Assert.Equal("Someone else's words.", (await RevisionsAsync(after.Id)).Single(r => r.Id == after.CurrentEnglishRevisionId).BodyMarkdown);
        Assert.Equal(3, (await RevisionsAsync(after.Id)).Count);
    }

    [Fact]
    public async Task UnpublishingTheTranslationLeavesTheDanishPublishedAndTheEnglishSiteShowsTheDanishText()
    {
        var english = await TranslateAsync("We dare.", publish: true);
        Assert.Equal("<p>We dare.</p>", Body((await Site(PortalCulture.EnglishCode)).FindBearing("mod")!));
        var before = await ItemAsync();

        var result = await Translations().UnpublishAsync(before.Id, before.Version, "Anna");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        var after = await ItemAsync();
        Assert.Null(after.PublishedEnglishRevisionId);
        Assert.Equal(english.Id, after.CurrentEnglishRevisionId);
        Assert.Equal(before.PublishedRevisionId, after.PublishedRevisionId);
        var shown = (await Site(PortalCulture.EnglishCode)).FindBearing("mod")!;
        Assert.Equal((PortalCulture.DanishCode, "Mod"), (shown.Language, shown.Title));
        Assert.Equal("Mod", (await Site(PortalCulture.DanishCode)).FindBearing("mod")!.Title);
        await using (var db = _database.NewContext())
        {
            var audit = await db.AuditEntries.Where(a => a.ContentItemId == after.Id).OrderBy(a => a.Id).LastAsync();
            Assert.Equal(AuditAction.TranslationUnpublished, audit.Action);
            Assert.Equal("Engelsk version 2 er taget af de engelske sider, som nu viser den danske tekst.", audit.Details);
        }

        // Once more is refused in Danish; publishing the same text again brings it back.
        var again = await Translations().UnpublishAsync(after.Id, after.Version, "Anna");
        Assert.Equal("Oversættelsen er ikke udgivet, så der er intet at tage af de engelske sider.", again.Errors[""]);
        var republished = await TranslateAsync("We dare.", publish: true);
        Assert.Equal(english.Id, republished.Id);
        Assert.Equal("<p>We dare.</p>", Body((await Site(PortalCulture.EnglishCode)).FindBearing("mod")!));
    }

    private static string Body(PublishedItem item) => item.BodyHtml.Trim();

    private async Task<ContentRevision> TranslateAsync(string body, bool publish)
    {
        var item = await ItemAsync();
        var result = await Translations().SaveAsync(item.Id, item.Version,
            new RevisionInput("Courage", null, "", body) { Bearing = new BearingInput("We speak up", "What gave you courage today?") }, "Anna", publish);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Revision!;
    }

    private async Task PublishDanishAsync(string body)
    {
        var item = await ItemAsync();
        var result = await Editor().SaveAndPublishAsync(item.Id, item.Version, RevisionInput.From(item.CurrentRevision!) with { Body = body }, "Anna");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }

    private ContentEditor Editor() => _database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private TranslationEditor Translations() => _database.Services.CreateScope().ServiceProvider.GetRequiredService<TranslationEditor>();

    private async Task<PublishedSite> Site(string language) => await _database.Services.GetRequiredService<PublishedContentStore>().GetAsync(language);

    private async Task<ContentItem> ItemAsync()
    {
        await using var db = _database.NewContext();
        return await db.Items.AsNoTracking().Include(i => i.CurrentRevision).Include(i => i.PublishedRevision).SingleAsync(i => i.Key == "mod");
    }

    private async Task<List<ContentRevision>> RevisionsAsync(int itemId)
    {
        await using var db = _database.NewContext();
        return await db.Revisions.AsNoTracking().Where(r => r.ContentItemId == itemId).OrderBy(r => r.Number).ToListAsync();
    }
}
