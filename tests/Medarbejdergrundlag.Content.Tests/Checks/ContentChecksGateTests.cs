using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Content.Tests.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>
/// The content checks as the publish path's gate, registered as the portal registers it: a text with
/// a link to a page that is not there is not published, by hand or by schedule, unless the editor
/// gives a reason, which the log keeps; warnings never hold a publish up.
/// </summary>
public sealed class ContentChecksGateTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");
    private const string Broken = "Læs også om [ferieregler](/pejlemaerker/findes-ikke).";

    private readonly TestClock _clock = new(Start);
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ALinkToAMissingPageIsNotPublishedAndTheEditorIsToldWhy()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");

        var result = await Editor().SaveAndPublishAsync(mod.Id, mod.Version, WithBody(mod, Broken), Hanne);

        Assert.Equal(EditOutcome.Refused, result.Outcome);
        var reason = result.Errors[""];
        Assert.StartsWith("Ikke udgivet: Indholdstjekket fandt én fejl, der skal rettes før udgivelse:", reason);
        Assert.Contains("/pejlemaerker/findes-ikke", reason);
        Assert.EndsWith("Ret teksten, eller skriv en begrundelse for at udgive alligevel.", reason);
        var after = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        Assert.Contains("findes-ikke", after.CurrentRevision!.BodyMarkdown);
        Assert.DoesNotContain("findes-ikke", after.PublishedRevision!.BodyMarkdown);
    }

    [Fact]
    public async Task WithAReasonItIsPublishedAndTheReasonIsLogged()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");

        var result = await Editor().SaveAndPublishAsync(mod.Id, mod.Version, WithBody(mod, Broken), Hanne,
            checksOverride: "  Siden om ferieregler udgives i morgen.  ");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        var after = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        Assert.Contains("findes-ikke", after.PublishedRevision!.BodyMarkdown);
        await using var db = _database.NewContext();
        var logged = await db.AuditEntries.Where(a => a.ContentItemId == mod.Id && a.Action == AuditAction.Published).OrderBy(a => a.Id).LastAsync();
        Assert.EndsWith("Udgivet trods indholdstjekket, med begrundelsen: »Siden om ferieregler udgives i morgen.«.", logged.Details);
        Assert.Equal("Siden om ferieregler udgives i morgen.", after.PublishedRevision.ChecksOverrideReason);
    }

    [Fact]
    public async Task WarningsAloneNeverHoldAPublishUp()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");

        var result = await Editor().SaveAndPublishAsync(mod.Id, mod.Version, WithBody(mod, "Læs om [ferie](/phoenix). [Klik her](/phoenix)."), Hanne);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
    }

    [Fact]
    public async Task AScheduledPublishOfABrokenLinkFailsWithTheReasonAndStaysListed()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        var draft = await Editor().SaveDraftAsync(mod.Id, mod.Version, WithBody(mod, Broken), Hanne);
        var schedule = _database.Services.CreateScope().ServiceProvider.GetRequiredService<PublishSchedule>();
        Assert.True((await schedule.SchedulePublishAsync(mod.Id, draft.Revision!.Number, "27-11-2026 15:00", Hanne)).Succeeded);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await _database.Services.GetRequiredService<ScheduleRunner>().RunDueAsync());

        await using var db = _database.NewContext();
        var failed = await db.ScheduledActions.SingleAsync();
        Assert.Equal(ScheduleState.Failed, failed.State);
        Assert.StartsWith("Ikke udgivet: Indholdstjekket fandt én fejl", failed.Failure);
        Assert.DoesNotContain("findes-ikke", (await ScheduledPublishingTests.ItemAsync(_database, "mod")).PublishedRevision!.BodyMarkdown);
    }

    private ContentEditor Editor() => _database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private static RevisionInput WithBody(ContentItem item, string paragraph) =>
        RevisionInput.From(item.CurrentRevision!) with { Body = item.CurrentRevision!.BodyMarkdown + "\n\n" + paragraph, ChangeNote = null };
}
