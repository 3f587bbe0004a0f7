using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Confirmations;

/// <summary>Confirming the charter, minor and material changes, withdrawal: on a real database.</summary>
public sealed class ConfirmationTests : IAsyncLifetime
{
    private const string Anna = "persona:anna";
    private const string Bo = "persona:bo";

    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(services: TestDatabase.WithoutApproval);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AReaderWhoHasNotConfirmedHasNoStatusAndNoChanges()
    {
        var status = await Confirmations().StatusAsync(Anna);

        Assert.False(status.HasConfirmed);
        Assert.False(status.MustConfirmAgain);
        Assert.Equal(CharterVersion.Of(await Site()), status.CurrentVersion);
    }

    [Fact]
    public async Task TheCharterVersionIsTheSetOfPublishedSectionLegAndBearingRevisions()
    {
        var site = await Site();
        await using var db = _database.NewContext();
        var expected = await db.Items.Where(i => i.Kind == ContentKind.CharterSection || i.Kind == ContentKind.Leg || i.Kind == ContentKind.Bearing)
            .Select(i => i.PublishedRevisionId!.Value).OrderBy(id => id).ToListAsync();

        Assert.Equal(string.Join(',', expected), CharterVersion.Of(site));
        Assert.Equal(10, expected.Count); // four sections, two legs, four bearings; not the Phønix page or the statement
    }

    [Fact]
    public async Task AMinorFixAsksNobodyAndAMaterialChangeAsksThoseWhoConfirmedBefore()
    {
        Assert.Equal(ConfirmOutcome.Confirmed, await ConfirmAsync(Anna));

        await PublishAsync("mod", "Vi har mod til at sige fra og til.", material: false);
        var afterFix = await Confirmations().StatusAsync(Anna);
        Assert.True(afterFix.HasConfirmed);
        Assert.False(afterFix.MustConfirmAgain);
        Assert.Equal(["mod"], afterFix.ChangesSince.Select(c => c.Key));

        await PublishAsync("udvikling", "Vi lærer af hinanden hver eneste dag.", material: true);
        var afterChange = await Confirmations().StatusAsync(Anna);
        Assert.True(afterChange.MustConfirmAgain);
        Assert.Equal(["udvikling"], afterChange.MaterialChanges.Select(c => c.Key));
        Assert.NotNull(afterChange.LatestMaterialChangeAt);

        Assert.Equal(ConfirmOutcome.Confirmed, await ConfirmAsync(Anna));
        var again = await Confirmations().StatusAsync(Anna);
        Assert.False(again.MustConfirmAgain);
        Assert.Empty(again.ChangesSince);

        // Bo never confirmed: no notice, whatever was published.
        Assert.False((await Confirmations().StatusAsync(Bo)).HasConfirmed);
    }

    [Fact]
    public async Task ConfirmingTheSameVersionTwiceAddsNothing()
    {
        Assert.Equal(ConfirmOutcome.Confirmed, await ConfirmAsync(Anna));
        Assert.Equal(ConfirmOutcome.AlreadyConfirmed, await ConfirmAsync(Anna));

        Assert.Single(await Confirmations().MineAsync(Anna));
    }

    [Fact]
    public async Task AVersionOvertakenByAMaterialChangeWhileReadingIsNotConfirmed()
    {
        var read = CharterVersion.Of(await Site());
        await PublishAsync("mod", "Mod er at sige det, ingen andre siger.", material: true);

        Assert.Equal(ConfirmOutcome.ChangedMeanwhile, await Confirmations().ConfirmAsync(Anna, read, null));
        Assert.Empty(await Confirmations().MineAsync(Anna));
    }

    [Fact]
    public async Task AVersionOvertakenOnlyByAMinorFixConfirmsTheVersionInForce()
    {
        var read = CharterVersion.Of(await Site());
        await PublishAsync("mod", "Mod er at sige det, ingen andre siger.", material: false);

        Assert.Equal(ConfirmOutcome.Confirmed, await Confirmations().ConfirmAsync(Anna, read, null));
        Assert.Equal(CharterVersion.Of(await Site()), Assert.Single(await Confirmations().MineAsync(Anna)).Version);
    }

    [Fact]
    public async Task AConfirmationStoresTheSubjectTheVersionAndTheTimeOnly()
    {
        await ConfirmAsync(Anna);

        var row = Assert.Single(await Confirmations().MineAsync(Anna));
        Assert.Equal(Anna, row.SubjectId);
        Assert.Equal(CharterVersion.Of(await Site()), row.Version);
        Assert.Null(row.Forvaltning);
        Assert.Equal(["ConfirmedAt", "Forvaltning", "Id", "SubjectId", "Version"],
            _database.NewContext().Model.FindEntityType(typeof(Confirmation))!.GetProperties().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task WithdrawingDeletesTheReadersOwnRowsAndNoOneElses()
    {
        await ConfirmAsync(Anna);
        await PublishAsync("mod", "Mod til at handle.", material: true);
        await ConfirmAsync(Anna);
        await ConfirmAsync(Bo);
        var mine = await Confirmations().MineAsync(Anna);
        Assert.Equal(2, mine.Count);

        Assert.Equal(0, await Confirmations().WithdrawAsync(Bo, mine[0].Id)); // not Bo's to withdraw
        Assert.Equal(1, await Confirmations().WithdrawAsync(Anna, mine[0].Id));
        Assert.Equal([mine[1].Id], (await Confirmations().MineAsync(Anna)).Select(c => c.Id));

        Assert.Equal(1, await Confirmations().WithdrawAsync(Anna, id: null));
        Assert.Empty(await Confirmations().MineAsync(Anna));
        Assert.Single(await Confirmations().MineAsync(Bo));
    }

    [Fact]
    public async Task APublishRecordsWhenAndWhetherItWasMaterialInTheRevisionAndTheLog()
    {
        await PublishAsync("mod", "Mod til at handle.", material: true);
        await PublishAsync("mod", "Mod til at handle!", material: false);

        await using var db = _database.NewContext();
        var revisions = await db.Revisions.Where(r => r.ContentItem!.Key == "mod").OrderBy(r => r.Number).ToListAsync();
        Assert.All(revisions, r => Assert.NotNull(r.PublishedAt));
        Assert.Equal([false, true, false], revisions.Select(r => r.IsMaterialChange));
        var log = await db.AuditEntries.Where(a => a.Action == AuditAction.Published).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync();
        Assert.Contains("Væsentlig ændring", log[^2]);
        Assert.Contains("Mindre ændring", log[^1]);
    }

    [Fact]
    public async Task PublishingAnEarlierDraftStampsItButItsTextStaysHistory()
    {
        var mod = await ItemAsync("mod");
        var saved = await Editor().SaveDraftAsync(mod.Id, mod.Version, Input(mod, "Kladden om mod."), "Hanne");
        Assert.Null(saved.Revision!.PublishedAt);

        Assert.True((await Editor().PublishAsync(mod.Id, saved.Item!.Version, "Hanne", material: true)).Succeeded);

        await using var db = _database.NewContext();
        var draft = await db.Revisions.SingleAsync(r => r.Id == saved.Revision.Id);
        Assert.NotNull(draft.PublishedAt);
        Assert.True(draft.IsMaterialChange);
        draft.Title = "Omskrevet historie";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Fact]
    public async Task OnlyTheCharterCanBeMaterialNotThePhoenixPage()
    {
        await PublishAsync("phoenix", "Phønix er kommunens hus for læring.", material: true);

        await using var db = _database.NewContext();
        Assert.False((await db.Revisions.Where(r => r.ContentItem!.Key == "phoenix").OrderBy(r => r.Number).LastAsync()).IsMaterialChange);
    }

    private CharterConfirmations Confirmations() => _database.Services.CreateScope().ServiceProvider.GetRequiredService<CharterConfirmations>();

    private ContentEditor Editor() => _database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private async Task<PublishedSite> Site() => await _database.Services.GetRequiredService<PublishedContentStore>().GetAsync();

    private async Task<ConfirmOutcome> ConfirmAsync(string subject) =>
        await Confirmations().ConfirmAsync(subject, CharterVersion.Of(await Site()), null);

    private async Task PublishAsync(string key, string body, bool material)
    {
        var item = await ItemAsync(key);
        var result = await Editor().SaveAndPublishAsync(item.Id, item.Version, Input(item, body), "Hanne", material);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }

    private async Task<ContentItem> ItemAsync(string key)
    {
        await using var db = _database.NewContext();
        return await db.Items.AsNoTracking().Include(i => i.CurrentRevision).SingleAsync(i => i.Key == key);
    }

    private static RevisionInput Input(ContentItem item, string body) => RevisionInput.From(item.CurrentRevision!) with { Body = body, ChangeNote = null };
}
