using System.Text.RegularExpressions;
using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Tests.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>
/// The other side of the link checks: before an editor archives, renames or removes a heading, the
/// published texts that link there and would then lead nowhere. And translations meet the same
/// blocking checks as Danish texts.
/// </summary>
public sealed partial class LinkImpactTests : IAsyncLifetime
{
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");

    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ArchivingABearingThatTheCharterLinksToListsTheCharter()
    {
        await PublishBodyAsync("kaere-medarbejder", "Læs om [pejlemærket Mod](/pejlemaerker/mod).");
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        var course = await ScheduledPublishingTests.ItemAsync(_database, "phoenix");

        var broken = await Checker().LinksBrokenByArchivingAsync(mod.Id);

        var charter = Assert.Single(broken, b => b.Item.Key == "kaere-medarbejder");
        Assert.Equal(CheckRules.BrokenLink, Assert.Single(charter.Findings).RuleId);
        Assert.Equal("/medarbejdergrundlag", charter.Path);
        // The seeded charter section that names the four bearings links to Mod too.
        Assert.Contains(broken, b => b.Item.Key == "saet-viden-og-kompetencer-i-spil");
        Assert.Equal(2, broken.Count);
        // The close call: no published text links to the Phønix page.
        Assert.Empty(await Checker().LinksBrokenByArchivingAsync(course.Id));
    }

    [Fact]
    public async Task RemovingAHeadingThatAnotherTextLinksToIsToldBeforePublishingAndKeepingItIsNot()
    {
        var withHeading = await PublishBodyAsync("mod", "## Modige valg\n\nVi vælger med mod.");
        var anchor = HeadingId().Match(withHeading.PublishedRevision!.BodyHtml).Groups[1].Value;
        Assert.NotEmpty(anchor);
        await PublishBodyAsync("kaere-medarbejder", $"Læs om [modige valg](/pejlemaerker/mod#{anchor}).");
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");

        var removed = await DraftChecks().CheckTypedAsync(mod.Id, RevisionInput.From(mod.CurrentRevision!) with { Body = "Vi vælger med mod." }, PortalCulture.DanishCode);
        var kept = await DraftChecks().CheckTypedAsync(mod.Id, RevisionInput.From(mod.CurrentRevision!) with { Body = "## Modige valg\n\nVi vælger altid med mod." }, PortalCulture.DanishCode);

        var charter = Assert.Single(removed!.BreaksLinksIn);
        Assert.Equal(("kaere-medarbejder", CheckRules.BrokenAnchor), (charter.Item.Key, Assert.Single(charter.Findings).RuleId));
        Assert.Empty(kept!.BreaksLinksIn);
        // Typed text is checked, never saved.
        Assert.Equal(mod.CurrentRevisionId, (await ScheduledPublishingTests.ItemAsync(_database, "mod")).CurrentRevisionId);
    }

    [Fact]
    public async Task ALinkWithinTheCharterPageToABearingsHeadingIsToldWhenTheBearingLosesIt()
    {
        // The charter page shows every bearing's text, so a section may link to a bearing's heading with "#…" alone.
        var withHeading = await PublishBodyAsync("mod", "## Modige valg\n\nVi vælger med mod.");
        var anchor = HeadingId().Match(withHeading.PublishedRevision!.BodyHtml).Groups[1].Value;
        await PublishBodyAsync("kaere-medarbejder", $"Læs om [modige valg](#{anchor}) længere nede.");
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        var phoenix = await ScheduledPublishingTests.ItemAsync(_database, "phoenix");

        var removed = await DraftChecks().CheckTypedAsync(mod.Id, RevisionInput.From(mod.CurrentRevision!) with { Body = "Vi vælger med mod." }, PortalCulture.DanishCode);
        var elsewhere = await DraftChecks().CheckTypedAsync(phoenix.Id, RevisionInput.From(phoenix.CurrentRevision!) with { Body = "Ny tekst." }, PortalCulture.DanishCode);

        var charter = Assert.Single(removed!.BreaksLinksIn);
        Assert.Equal(("kaere-medarbejder", CheckRules.BrokenAnchor), (charter.Item.Key, Assert.Single(charter.Findings).RuleId));
        // A page the charter does not show cannot take the charter's anchors away.
        Assert.Empty(elsewhere!.BreaksLinksIn);
    }

    [Fact]
    public async Task ArchivingABearingThatATranslationLinksToInEnglishListsTheTranslation()
    {
        var charter = await ScheduledPublishingTests.ItemAsync(_database, "kaere-medarbejder");
        var english = new RevisionInput("Dear employee", null, "Welcome.", "Read about [Courage](/en/pejlemaerker/mod).");
        var saved = await Translations().SaveAsync(charter.Id, charter.Version, english, Hanne, publish: true);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Values));
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");

        var broken = await Checker().LinksBrokenByArchivingAsync(mod.Id);

        var translation = Assert.Single(broken, b => b.Language == PortalCulture.EnglishCode);
        Assert.Equal(("kaere-medarbejder", "/en/medarbejdergrundlag"), (translation.Item.Key, translation.Path));
    }

    [Fact]
    public async Task RenamingALinkedBearingBreaksNothingBecauseTheOldAddressRedirects()
    {
        await PublishBodyAsync("kaere-medarbejder", "Læs om [pejlemærket Mod](/pejlemaerker/mod#indhold).");
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");

        var renamed = await DraftChecks().CheckTypedAsync(mod.Id, RevisionInput.From(mod.CurrentRevision!) with { Slug = "mod-i-hverdagen" }, PortalCulture.DanishCode);

        Assert.Empty(renamed!.BreaksLinksIn);
        Assert.False(renamed.Result.HasBlocking);
    }

    [Fact]
    public async Task AnEnglishTranslationWithABrokenLinkIsNotPublishedWithoutAReason()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        var english = new RevisionInput("Courage", null, "We dare.", "Read about [holidays](/pejlemaerker/does-not-exist).");

        var refused = await Translations().SaveAsync(mod.Id, mod.Version, english, Hanne, publish: true);

        Assert.Equal(EditOutcome.Refused, refused.Outcome);
        Assert.StartsWith("Ikke udgivet: Indholdstjekket fandt én fejl", refused.Errors[""]);
        await using (var db = _database.NewContext())
        {
            var item = await db.Items.Include(i => i.CurrentEnglishRevision).SingleAsync(i => i.Id == mod.Id);
            Assert.Null(item.PublishedEnglishRevisionId);
            Assert.Contains("does-not-exist", item.CurrentEnglishRevision!.BodyMarkdown);
        }

        mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        var published = await Translations().SaveAsync(mod.Id, mod.Version, english, Hanne, publish: true, checksOverride: "The page comes tomorrow.");

        Assert.True(published.Succeeded, string.Join(" ", published.Errors.Values));
        await using var after = _database.NewContext();
        var translated = await after.Items.Include(i => i.PublishedEnglishRevision).SingleAsync(i => i.Id == mod.Id);
        Assert.Equal("The page comes tomorrow.", translated.PublishedEnglishRevision!.ChecksOverrideReason);
        Assert.Contains(await after.AuditEntries.Where(a => a.ContentItemId == mod.Id && a.Action == AuditAction.TranslationPublished).Select(a => a.Details).ToListAsync(),
            d => d.EndsWith("med begrundelsen: »The page comes tomorrow.«.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TypedTextIsCheckedAsFarAsItWouldSaveAndEmptyFieldsAreEmpty()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        // An image past the body's limit is not the text that would be saved.
        var tooLong = new string('x', RevisionValidator.BodyMax) + " ![](/billeder/abc/x.png)";

        var cut = await DraftChecks().CheckTypedAsync(mod.Id, new RevisionInput("Mod", "mod", null, tooLong), PortalCulture.DanishCode);
        var empty = await DraftChecks().CheckTypedAsync(mod.Id, new RevisionInput("Mod", "mod", null, null), PortalCulture.DanishCode);

        Assert.DoesNotContain(cut!.Result.Findings, f => f.RuleId == CheckRules.ImageWithoutAlt);
        Assert.Equal(0, empty!.Result.Readability.Words);
    }

    [Fact]
    public async Task ATypedNewAddressIsWhereTheDraftsOwnLinksLead()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        var typed = RevisionInput.From(mod.CurrentRevision!) with { Slug = "mod-i-hverdagen", Body = "## Valg\n\nSe [siden om valg](/pejlemaerker/mod-i-hverdagen)." };

        var renamed = await DraftChecks().CheckTypedAsync(mod.Id, typed, PortalCulture.DanishCode);

        Assert.DoesNotContain(renamed!.Result.Findings, f => f.RuleId is CheckRules.BrokenLink or CheckRules.BrokenAnchor);
    }

    private async Task<ContentItem> PublishBodyAsync(string key, string body)
    {
        var item = await ScheduledPublishingTests.ItemAsync(_database, key);
        var result = await Editor().SaveAndPublishAsync(item.Id, item.Version, RevisionInput.From(item.CurrentRevision!) with { Body = body, ChangeNote = null }, Hanne);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return await ScheduledPublishingTests.ItemAsync(_database, key);
    }

    private IServiceProvider Scope() => _database.Services.CreateScope().ServiceProvider;

    private ContentEditor Editor() => Scope().GetRequiredService<ContentEditor>();

    private TranslationEditor Translations() => Scope().GetRequiredService<TranslationEditor>();

    private DraftChecks DraftChecks() => Scope().GetRequiredService<DraftChecks>();

    private ContentChecker Checker() => _database.Services.GetRequiredService<ContentChecker>();

    [GeneratedRegex("<h2 id=\"([^\"]+)\"")]
    private static partial Regex HeadingId();
}
