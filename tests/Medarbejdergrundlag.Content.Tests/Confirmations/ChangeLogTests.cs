using System.Globalization;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Confirmations;

/// <summary>
/// What readers are told changed: the change log, the word diff since a reader's confirmation, HR's
/// figures and the English reader's status, on a real database.
/// </summary>
public sealed class ChangeLogTests : IAsyncLifetime
{
    private const string Anna = "persona:anna";

    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(services: TestDatabase.WithoutApproval);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TheLogListsEveryPublishAfterAnItemsFirstNewestFirstEachAgainstThePublishBeforeIt()
    {
        // The seed publishes every item once: a start, not a change.
        Assert.Empty(await Log().RecentAsync(10));

        await PublishAsync("mod", "Vi har mod.", material: false);
        await PublishAsync("phoenix", "Phønix har fået ny tekst.", material: false);
        await PublishAsync("mod", "Vi har stort mod.", material: false);

        var recent = await Log().RecentAsync(10);
        Assert.Equal(["mod", "phoenix", "mod"], recent.Select(c => c.Revision.Key));
        Assert.All(recent, c => Assert.Equal(c.Revision.ItemId, c.Previous!.ItemId));
        Assert.Equal(recent[2].Revision.Id, recent[0].Previous!.Id);
        Assert.True(recent[2].Previous!.Number < recent[2].Revision.Number);

        var text = Assert.Single(recent[0].Fields);
        Assert.Equal("Tekst", text.Field);
        var runs = Assert.Single(text.Paragraphs).Runs;
        Assert.Equal(["stort"], runs.Where(r => r.Change == WordChange.Added).Select(r => r.Text.Trim()));
        Assert.DoesNotContain(runs, r => r.Change == WordChange.Removed);
        Assert.Equal("Vi har stort mod.", string.Concat(runs.Select(r => r.Text)));

        Assert.Equal(["mod", "phoenix"], (await Log().RecentAsync(2)).Select(c => c.Revision.Key));
    }

    [Fact]
    public async Task SinceAConfirmationAReaderSeesTheMaterialChangesOnlyWithTheWordsThatChanged()
    {
        await PublishAsync("mod", "Vi viser mod hver dag.", material: false);
        var confirmed = (await ItemAsync("mod")).PublishedRevisionId;
        Assert.Equal(ConfirmOutcome.Confirmed, await ConfirmAsync(Anna, null));

        await PublishAsync("mod", "Vi viser mod hver uge.", material: true);
        await PublishAsync("mod", "Vi viser mod hver eneste uge.", material: false);
        await PublishAsync("udvikling", "Vi lærer af hinanden.", material: false);

        var status = await Confirmations().StatusAsync(Anna);
        Assert.Equal(["mod", "udvikling"], status.ChangesSince.Select(c => c.Key).Order());
        var since = Assert.Single(await Log().SinceAsync(status));
        Assert.Equal(("mod", confirmed, (await ItemAsync("mod")).PublishedRevisionId), (since.Change.Key, since.Change.FromRevisionId, since.Change.ToRevisionId));
        Assert.Equal(2, since.Change.Publications.Count);
        var runs = Assert.Single(Assert.Single(since.Fields).Paragraphs).Runs;
        Assert.Equal(["dag"], runs.Where(r => r.Change == WordChange.Removed).Select(r => r.Text));
        Assert.Equal(["eneste uge"], runs.Where(r => r.Change == WordChange.Added).Select(r => r.Text.Trim()));

        // The notice's date is the item's last publish, the minor one after the material change.
        await using var db = _database.NewContext();
        var last = await db.Revisions.Where(r => r.Id == since.Change.ToRevisionId).Select(r => r.PublishedAt).SingleAsync();
        Assert.Equal(last, status.LatestMaterialChangeAt);
    }

    [Fact]
    public async Task AConfirmationKeepsTheForvaltningTrimmedAndAtMostAHundredCharactersAndABlankOneNot()
    {
        await ConfirmAsync("sub-1", "  Ældre- og Handicapforvaltningen  ");
        await ConfirmAsync("sub-2", new string('x', 150));
        await ConfirmAsync("sub-3", "   ");

        await using var db = _database.NewContext();
        var stored = await db.Confirmations.OrderBy(c => c.SubjectId).Select(c => c.Forvaltning).ToListAsync();
        Assert.Equal(["Ældre- og Handicapforvaltningen", new string('x', 100), null], stored);
    }

    [Fact]
    public async Task HrsFiguresCountEachReadersLatestConfirmationPerForvaltningTheUnnamedLast()
    {
        const string aeldre = "Ældre- og Handicapforvaltningen", by = "By- og Kulturforvaltningen";
        await ConfirmAsync("sub-a1", aeldre);
        await ConfirmAsync("sub-a2", aeldre);
        await ConfirmAsync("sub-n1", null);
        await PublishAsync("mod", "En væsentlig ny tekst om mod.", material: true);
        await ConfirmAsync("sub-a1", aeldre);
        await ConfirmAsync("sub-b1", by);
        await ConfirmAsync("sub-b2", by);
        // A minor fix since does not make anyone's confirmation older; "By" now has readers of two current versions.
        await PublishAsync("mod", "En væsentlig ny tekst om mod!", material: false);
        await ConfirmAsync("sub-b3", by);

        var figures = await Confirmations().FiguresAsync();

        Assert.Equal((4, 2, 6), (figures.Current, figures.Older, figures.Total));
        Assert.Equal([(by, 3, 0, 3), (aeldre, 1, 1, 2), ((string?)null, 0, 1, 1)],
            figures.ByForvaltning.Select(f => (f.Forvaltning, f.Current, f.Older, f.Total)));
    }

    [Fact]
    public async Task AnEnglishReaderIsToldOfADanishChangeWhoseTranslationIsOlderAndAskedAgainWhenItIsTranslated()
    {
        await TranslateAsync("We dare.");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalCulture.English;
        Assert.Equal(ConfirmOutcome.Confirmed, await ConfirmAsync(Anna, null));

        await PublishAsync("mod", "Ny dansk tekst om mod.", material: true);

        var english = await Confirmations().StatusAsync(Anna);
        Assert.Equal(CharterVersion.Of(await Site(PortalCulture.EnglishCode)), english.CurrentVersion);
        Assert.Empty(english.ChangesSince);
        Assert.False(english.MustConfirmAgain);
        var awaiting = Assert.Single(english.AwaitingTranslation);
        Assert.Equal(("mod", "Courage", true), (awaiting.Key, awaiting.Title, awaiting.IsMaterial));

        // The Danish pages ask the same reader again at once.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalCulture.Danish;
        var danish = await Confirmations().StatusAsync(Anna);
        Assert.Equal(CharterVersion.Of(await Site(PortalCulture.DanishCode)), danish.CurrentVersion);
        Assert.True(danish.MustConfirmAgain);
        Assert.Empty(danish.AwaitingTranslation);

        // Translated: now it is the English reader's to confirm, and no longer "coming".
        await TranslateAsync("We dare, every day.");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalCulture.English;
        var translated = await Confirmations().StatusAsync(Anna);
        Assert.True(translated.MustConfirmAgain);
        Assert.Equal(["mod"], translated.MaterialChanges.Select(c => c.Key));
        Assert.Empty(translated.AwaitingTranslation);
    }

    [Fact]
    public async Task TheLogShowsAChangeToABearingsPointsUnderItsOwnHeading()
    {
        var mod = await ItemAsync("mod");
        var input = RevisionInput.From(mod.CurrentRevision!);
        var changed = input with { Bearing = input.Bearing! with { Points = input.Bearing.Points + "\n- Vi siger det højt." }, ChangeNote = null };
        Assert.True((await Editor().SaveAndPublishAsync(mod.Id, mod.Version, changed, "Hanne")).Succeeded);

        var change = Assert.Single(await Log().RecentAsync(10));
        var points = Assert.Single(change.Fields);
        Assert.Equal("Det kan vi fordi...", points.Field);
        var runs = Assert.Single(points.Paragraphs).Runs;
        Assert.Equal("Vi siger det højt.", string.Concat(runs.Where(r => r.Change == WordChange.Added).Select(r => r.Text)).Trim());
        Assert.DoesNotContain(runs, r => r.Change == WordChange.Removed);
    }

    [Fact]
    public async Task TheNoticesDateIsTheLatestMaterialChangeAndWithoutOneThereIsNone()
    {
        Assert.Equal(ConfirmOutcome.Confirmed, await ConfirmAsync(Anna, null));
        await PublishAsync("mod", "Mindre rettelse.", material: false);
        Assert.Null((await Confirmations().StatusAsync(Anna)).LatestMaterialChangeAt);

        await PublishAsync("mod", "Første væsentlige ændring.", material: true);
        await PublishAsync("udvikling", "Anden væsentlige ændring.", material: true);

        var status = await Confirmations().StatusAsync(Anna);
        Assert.Equal(2, status.MaterialChanges.Count);
        await using var db = _database.NewContext();
        var udvikling = await db.Items.Where(i => i.Key == "udvikling").Select(i => i.PublishedRevision!.PublishedAt).SingleAsync();
        Assert.Equal(udvikling, status.LatestMaterialChangeAt);
    }

    [Fact]
    public async Task AStatusIsKeptInMemoryButConfirmingAsksTheDatabaseAndAWithdrawalHereIsSeenAtOnce()
    {
        Assert.Equal(ConfirmOutcome.Confirmed, await ConfirmAsync(Anna, null));
        Assert.True((await Confirmations().StatusAsync(Anna)).HasConfirmed);

        // Another instance withdraws: this one keeps what it knew for a while, unless asked for fresh.
        await using (var db = _database.NewContext())
        {
            await db.Confirmations.ExecuteDeleteAsync();
        }

        Assert.True((await Confirmations().StatusAsync(Anna)).HasConfirmed);

        // Confirming reads the database, not the memory: the reader is not told "already confirmed".
        Assert.Equal(ConfirmOutcome.Confirmed, await ConfirmAsync(Anna, null));
        Assert.Single(await Confirmations().MineAsync(Anna));

        Assert.True((await Confirmations().StatusAsync(Anna)).HasConfirmed);
        Assert.Equal(1, await Confirmations().WithdrawAsync(Anna, id: null));
        Assert.False((await Confirmations().StatusAsync(Anna)).HasConfirmed);
        Assert.False((await Confirmations().StatusAsync(Anna, fresh: true)).HasConfirmed);
    }

    [Fact]
    public async Task AReadersOwnConfirmationsAreListedNewestFirst()
    {
        await ConfirmAsync(Anna, null);
        await PublishAsync("mod", "Mod til at handle.", material: true);
        await ConfirmAsync(Anna, null);

        var mine = await Confirmations().MineAsync(Anna);

        Assert.Equal([CharterVersion.Of(await Site(PortalCulture.DanishCode)), mine[1].Version], mine.Select(c => c.Version));
        Assert.True(mine[0].Id > mine[1].Id);
    }

    [Fact]
    public async Task EachStoredConfirmationIsCountedInTheMetric()
    {
        long counted = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "portal.confirmations")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();

        await ConfirmAsync(Anna, null);

        // Other tests may confirm at the same time; this one's confirmation is counted at least.
        Assert.True(Interlocked.Read(ref counted) >= 1);
    }

    [Fact]
    public async Task TheRetentionDeletesWhatIsOlderThanTheCutoffAndKeepsWhatWasMadeAtIt()
    {
        var cutoff = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        await using (var db = _database.NewContext())
        {
            db.Confirmations.AddRange(
                new Confirmation { SubjectId = "sub-1", Version = "1", ConfirmedAt = cutoff.AddSeconds(-1) },
                new Confirmation { SubjectId = "sub-2", Version = "1", ConfirmedAt = cutoff });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await Confirmations().DeleteOlderThanAsync(cutoff));

        await using var after = _database.NewContext();
        Assert.Equal(["sub-2"], await after.Confirmations.Select(c => c.SubjectId).ToListAsync());
    }

    [Fact]
    public void AVersionThatCannotBeReadNamesNoRevisions()
    {
        Assert.Equal([3, 12], CharterVersion.Parse("12,,3, x,-4,0,+5,12").Order());
        Assert.Empty(CharterVersion.Parse(""));
    }

    private CharterConfirmations Confirmations() => _database.Services.CreateScope().ServiceProvider.GetRequiredService<CharterConfirmations>();

    private ChangeLog Log() => _database.Services.CreateScope().ServiceProvider.GetRequiredService<ChangeLog>();

    private ContentEditor Editor() => _database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private TranslationEditor Translations() => _database.Services.CreateScope().ServiceProvider.GetRequiredService<TranslationEditor>();

    private async Task<PublishedSite> Site(string language) => await _database.Services.GetRequiredService<PublishedContentStore>().GetAsync(language);

    private async Task<ConfirmOutcome> ConfirmAsync(string subject, string? forvaltning) =>
        await Confirmations().ConfirmAsync(subject, CharterVersion.Of(await Site(PortalCulture.CurrentLanguage)), forvaltning);

    private async Task PublishAsync(string key, string body, bool material)
    {
        var item = await ItemAsync(key);
        var input = RevisionInput.From(item.CurrentRevision!) with { Body = body, ChangeNote = null };
        var result = await Editor().SaveAndPublishAsync(item.Id, item.Version, input, "Hanne", material);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }

    private async Task TranslateAsync(string body)
    {
        var item = await ItemAsync("mod");
        var input = new RevisionInput("Courage", null, "", body) { Bearing = new BearingInput("We speak up", "What gave you courage today?") };
        var result = await Translations().SaveAsync(item.Id, item.Version, input, "Hanne", publish: true);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }

    private async Task<ContentItem> ItemAsync(string key)
    {
        await using var db = _database.NewContext();
        return await db.Items.AsNoTracking().Include(i => i.CurrentRevision).SingleAsync(i => i.Key == key);
    }
}
