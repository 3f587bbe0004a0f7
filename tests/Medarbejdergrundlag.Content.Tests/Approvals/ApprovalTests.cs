using Medarbejdergrundlag.Content.Approvals;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Content.Tests.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Approvals;

/// <summary>
/// Approval of material changes (issue 27) on the one publish path: by hand, by schedule and through the
/// import, with <c>Governance:ApprovalRequiredFor</c> at its default (Material) unless a test says otherwise.
/// </summary>
public sealed class ApprovalTests
{
    // Friday 27 November 2026, 14:00 in Copenhagen.
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);
    private static readonly EditorRef Hanne = new("persona:hr-redaktoer", "Hanne HR-redaktør");
    private static readonly EditorRef Gurli = new("persona:godkender", "Gurli Godkender");

    private readonly TestClock _clock = new(Start);

    [Theory, Providers]
    public async Task AMaterialChangeIsKeptAsADraftUntilAnotherApprovesAndThenPublishesAsMaterial(string provider)
    {
        await using var database = await CreateAsync(provider);
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");

        var refused = await Editor(database).SaveAndPublishAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod til forandring"), Hanne, material: true);

        Assert.Equal(EditOutcome.Refused, refused.Outcome);
        Assert.Contains("afventer godkendelse", refused.Errors[""]);
        Assert.Equal("Mod", (await Site(database)).FindBearing("mod")!.Title);
        var draft = await ScheduledPublishingTests.ItemAsync(database, "mod");
        Assert.Equal("Mod til forandring", draft.CurrentRevision!.Title);

        Assert.True((await Desk(database).RequestAsync(mod.Id, draft.CurrentRevision.Number, material: true, "  Ny formulering efter MED-mødet. ", Hanne)).Succeeded);
        var request = await SingleRequestAsync(database);
        Assert.Equal((ApprovalState.Pending, "Ny formulering efter MED-mødet.", true, Hanne.Id), (request.State, request.Note, request.Material, request.RequestedById));
        var pending = Assert.Single(await Desk(database).PendingAsync());
        Assert.Equal(("Mod til forandring", Hanne.Name), (pending.ItemTitle, pending.RequestedBy));
        Assert.Contains(pending.Diff, l => l.Kind != DiffLineKind.Unchanged);

        var approved = await Desk(database).ApproveAsync(request.Id, Gurli, publish: true);

        Assert.True(approved.Succeeded, string.Join(" ", approved.Errors.Values));
        Assert.Equal("Mod til forandring", (await Site(database)).FindBearing("mod")!.Title);
        var after = await ScheduledPublishingTests.ItemAsync(database, "mod");
        Assert.True(after.PublishedRevision!.IsMaterialChange);
        request = await SingleRequestAsync(database);
        Assert.Equal((ApprovalState.Approved, Gurli.Id, Gurli.Name), (request.State, request.DecidedById, request.DecidedBy));
        await using var db = database.NewContext();
        var log = await db.AuditEntries.Where(a => a.ContentItemId == mod.Id).OrderBy(a => a.Id).Select(a => new { a.Action, a.UserId, a.Details }).ToListAsync();
        Assert.Contains(log, a => a.Action == AuditAction.ApprovalRequested && a.UserId == Hanne.Id && a.Details.Contains("Ny formulering efter MED-mødet."));
        Assert.Contains(log, a => a.Action == AuditAction.Approved && a.UserId == Gurli.Id);
        Assert.Contains(log, a => a.Action == AuditAction.Published && a.UserId == Gurli.Id);
        Assert.Empty(await Desk(database).PendingAsync());
    }

    [Fact]
    public async Task NobodyApprovesARevisionTheyWroteNorOneAfterTheirOwnRevisionSinceThePublish()
    {
        await using var database = await CreateAsync();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        // Gurli writes a draft, Hanne writes the next one and asks for approval: Gurli's words may be in it.
        Assert.True((await Editor(database).SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod (Gurli)"), Gurli)).Succeeded);
        var gurlis = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var hannes = await Editor(database).SaveDraftAsync(mod.Id, gurlis.Version, ScheduledPublishingTests.With(gurlis, "Mod (Hanne)"), Hanne);
        Assert.True((await Desk(database).RequestAsync(mod.Id, hannes.Revision!.Number, material: true, null, Hanne)).Succeeded);
        var request = await SingleRequestAsync(database);

        foreach (var who in new[] { Hanne, Gurli })
        {
            var own = await Desk(database).ApproveAsync(request.Id, who, publish: true);
            Assert.Equal(EditOutcome.Invalid, own.Outcome);
            Assert.Contains("Du kan ikke godkende denne ændring", own.Errors[""]);
        }

        Assert.Equal(ApprovalState.Pending, (await SingleRequestAsync(database)).State);
        Assert.Equal("Mod", (await Site(database)).FindBearing("mod")!.Title);

        // Someone who wrote nothing of it may.
        Assert.True((await Desk(database).ApproveAsync(request.Id, new EditorRef("persona:anden", "Anne Anden"), publish: true)).Succeeded);
        Assert.Equal("Mod (Hanne)", (await Site(database)).FindBearing("mod")!.Title);
    }

    [Fact]
    public async Task SendingBackNeedsACommentTheAuthorSeesAndTheRevisionCanBeSentAgain()
    {
        await using var database = await CreateAsync();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod, første udkast"), Hanne);
        Assert.True((await Desk(database).RequestAsync(mod.Id, draft.Revision!.Number, material: true, null, Hanne)).Succeeded);
        Assert.Equal(EditOutcome.Invalid, (await Desk(database).RequestAsync(mod.Id, draft.Revision.Number, material: true, null, Hanne)).Outcome);
        var request = await SingleRequestAsync(database);

        var silent = await Desk(database).ReturnAsync(request.Id, Gurli, "  ");
        Assert.Equal("Skriv en kommentar til forfatteren: hvad skal ændres?", silent.Errors[""]);
        Assert.Equal(ApprovalState.Pending, (await SingleRequestAsync(database)).State);
        Assert.True((await Desk(database).ReturnAsync(request.Id, Gurli, "Nævn også de nye kolleger.")).Succeeded);

        var item = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var seen = (await Desk(database).ForItemAsync(item))!;
        Assert.Equal((ApprovalState.Returned, "Nævn også de nye kolleger.", Gurli.Name, true), (seen.Request.State, seen.Request.DecisionNote, seen.Request.DecidedBy, seen.Applies));
        Assert.Equal(EditOutcome.Invalid, (await Desk(database).ApproveAsync(request.Id, Gurli, publish: true)).Outcome);
        Assert.True((await Desk(database).RequestAsync(mod.Id, draft.Revision.Number, material: true, "Rettet.", Hanne)).Succeeded);
        Assert.Equal((ApprovalState.Pending, "Rettet."), ((await Desk(database).ForItemAsync(item))!.Request.State, (await Desk(database).ForItemAsync(item))!.Request.Note));
        await using var db = database.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.ApprovalReturned && a.UserId == Gurli.Id && a.Details.Contains("Nævn også de nye kolleger.")));
    }

    [Fact]
    public async Task ANewerSaveAfterTheRequestIsNotPublishedByTheOldApproval()
    {
        await using var database = await CreateAsync();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var requested = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod, godkendt"), Hanne);
        Assert.True((await Desk(database).RequestAsync(mod.Id, requested.Revision!.Number, material: true, null, Hanne)).Succeeded);
        Assert.True((await Desk(database).ApproveAsync((await SingleRequestAsync(database)).Id, Gurli, publish: false)).Succeeded);
        var approved = await ScheduledPublishingTests.ItemAsync(database, "mod");

        var newer = await Editor(database).SaveDraftAsync(mod.Id, approved.Version, ScheduledPublishingTests.With(approved, "Mod, ændret bagefter"), Hanne);
        var newerItem = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var published = await Editor(database).PublishAsync(mod.Id, newerItem.Version, Hanne, material: true);

        Assert.Equal(EditOutcome.Refused, published.Outcome);
        Assert.Equal("Mod", (await Site(database)).FindBearing("mod")!.Title);
        Assert.False((await Desk(database).ForItemAsync(newerItem))!.Applies);
        Assert.Equal(newer.Revision!.Number, newerItem.CurrentRevision!.Number);
    }

    [Theory, Providers]
    public async Task AScheduledPublishOfAnUnapprovedMaterialChangeFailsWithTheReasonAndStaysListed(string provider)
    {
        await using var database = await CreateAsync(provider);
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod fra nytår"), Hanne);
        Assert.True((await Desk(database).RequestAsync(mod.Id, draft.Revision!.Number, material: true, null, Hanne)).Succeeded);
        var schedules = database.Services.CreateScope().ServiceProvider.GetRequiredService<PublishSchedule>();
        Assert.True((await schedules.SchedulePublishAsync(mod.Id, draft.Revision.Number, "27-11-2026 15:00", Hanne)).Succeeded);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await database.Services.GetRequiredService<ScheduleRunner>().RunDueAsync());

        Assert.Equal("Mod", (await Site(database)).FindBearing("mod")!.Title);
        var failed = Assert.Single(await schedules.OpenAsync());
        Assert.Equal(ScheduleState.Failed, failed.State);
        Assert.Contains("Ændringen afventer godkendelse", failed.Failure);
    }

    [Fact]
    public async Task AnApprovedChangeScheduledForLaterIsPublishedAsMaterialAtItsTime()
    {
        await using var database = await CreateAsync();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod fra nytår"), Hanne);
        Assert.True((await Desk(database).RequestAsync(mod.Id, draft.Revision!.Number, material: true, null, Hanne)).Succeeded);
        Assert.True((await Desk(database).ApproveAsync((await SingleRequestAsync(database)).Id, Gurli, publish: false)).Succeeded);
        Assert.Equal("Mod", (await Site(database)).FindBearing("mod")!.Title);
        var schedules = database.Services.CreateScope().ServiceProvider.GetRequiredService<PublishSchedule>();
        Assert.True((await schedules.SchedulePublishAsync(mod.Id, draft.Revision.Number, "27-11-2026 15:00", Hanne)).Succeeded);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await database.Services.GetRequiredService<ScheduleRunner>().RunDueAsync());

        Assert.Equal("Mod fra nytår", (await Site(database)).FindBearing("mod")!.Title);
        Assert.True((await ScheduledPublishingTests.ItemAsync(database, "mod")).PublishedRevision!.IsMaterialChange);
    }

    [Fact]
    public async Task WithAllEvenAnImportWaitsForApprovalAndWithNoneAMaterialChangePublishesAlone()
    {
        await using (var all = await CreateAsync(scope: ApprovalScope.All))
        {
            var preview = CourseImport.Read("Titel;Målgruppe;Forvaltning;Dage;Pejlemærker;Tilmelding;Start;Slut;Sted\r\n" +
                "Nyt forløb;Ledere;Tværgående;2;Mod;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix\r\n", [("mod", "Mod")]);
            var imported = await all.Services.CreateScope().ServiceProvider.GetRequiredService<CourseImporter>().ImportAsync(preview, publish: true, Hanne);
            Assert.False(imported.Succeeded);
            Assert.Contains(imported.Errors, e => e.Contains("afventer godkendelse"));
            await using var db = all.NewContext();
            Assert.Equal(0, await db.Items.CountAsync(i => i.Kind == ContentKind.Course));

            var mod = await ScheduledPublishingTests.ItemAsync(all, "mod");
            Assert.Equal(EditOutcome.Refused, (await Editor(all).SaveAndPublishAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod, en lille rettelse"), Hanne)).Outcome);
        }

        await using var none = await CreateAsync(scope: ApprovalScope.None);
        var item = await ScheduledPublishingTests.ItemAsync(none, "mod");
        Assert.True((await Editor(none).SaveAndPublishAsync(item.Id, item.Version, ScheduledPublishingTests.With(item, "Mod alene"), Hanne, material: true)).Succeeded);
        Assert.Equal("Mod alene", (await Site(none)).FindBearing("mod")!.Title);
    }

    [Fact]
    public async Task ARequestIsRefusedForAnUnknownItemAnOldNumberAPublishedVersionOrATooLongNoteAndWritesNothing()
    {
        await using var database = await CreateAsync();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");

        Assert.Equal(EditOutcome.NotFound, (await Desk(database).RequestAsync(9999, 1, material: true, null, Hanne)).Outcome);
        Assert.Equal("Den gemte version er allerede udgivet. Gem ændringerne som kladde, og send så kladden til godkendelse.",
            (await Desk(database).RequestAsync(mod.Id, mod.CurrentRevision!.Number, material: true, null, Hanne)).Errors[""]);
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod til forandring"), Hanne);
        var number = draft.Revision!.Number;
        Assert.Equal("Der er gemt en nyere version, mens du så på siden. Se den igennem, og send den så til godkendelse.",
            (await Desk(database).RequestAsync(mod.Id, number - 1, material: true, null, Hanne)).Errors[""]);
        Assert.Equal("Bemærkningen må højst være 1000 tegn.",
            (await Desk(database).RequestAsync(mod.Id, number, material: true, new string('x', 1001), Hanne)).Errors[""]);
        await using (var db = database.NewContext())
        {
            Assert.False(await db.ApprovalRequests.AnyAsync());
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.ApprovalRequested));
        }

        Assert.True((await Desk(database).RequestAsync(mod.Id, number, material: true, " " + new string('y', 1000) + " ", Hanne)).Succeeded);
        var request = await SingleRequestAsync(database);
        Assert.Equal((new string('y', 1000), Start.UtcDateTime, Hanne.Name), (request.Note, request.RequestedAt, request.RequestedBy));
        Assert.Equal($"Version {number} er allerede sendt til godkendelse.",
            (await Desk(database).RequestAsync(mod.Id, number, material: true, null, Hanne)).Errors[""]);
    }

    [Fact]
    public async Task OnlyTheCharterIsRequestedAsMaterialAndARequestWithoutANoteIsLoggedWithItsVersionOnly()
    {
        await using var database = await CreateAsync();
        var phoenix = await ScheduledPublishingTests.ItemAsync(database, "phoenix");
        var draft = await Editor(database).SaveDraftAsync(phoenix.Id, phoenix.Version, ScheduledPublishingTests.With(phoenix, "Phønix, ny udgave"), Hanne);

        Assert.True((await Desk(database).RequestAsync(phoenix.Id, draft.Revision!.Number, material: true, "   ", Hanne)).Succeeded);

        var request = await SingleRequestAsync(database);
        Assert.Equal((false, (string?)null), (request.Material, request.Note));
        await using var db = database.NewContext();
        Assert.Equal($"Version {draft.Revision.Number}.", await db.AuditEntries.Where(a => a.Action == AuditAction.ApprovalRequested).Select(a => a.Details).SingleAsync());
    }

    [Fact]
    public async Task ARequestIsDecidedOnceAndAReturnCommentIsAtMostAThousandCharacters()
    {
        await using var database = await CreateAsync();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod til forandring"), Hanne);
        Assert.True((await Desk(database).RequestAsync(mod.Id, draft.Revision!.Number, material: true, null, Hanne)).Succeeded);
        var request = await SingleRequestAsync(database);

        Assert.Equal(EditOutcome.NotFound, (await Desk(database).ApproveAsync(9999, Gurli, publish: false)).Outcome);
        Assert.Equal(EditOutcome.NotFound, (await Desk(database).ReturnAsync(9999, Gurli, "Nej.")).Outcome);
        Assert.Equal("Kommentaren må højst være 1000 tegn.", (await Desk(database).ReturnAsync(request.Id, Gurli, new string('x', 1001))).Errors[""]);
        Assert.Equal(ApprovalState.Pending, (await SingleRequestAsync(database)).State);

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await Desk(database).ApproveAsync(request.Id, Gurli, publish: false)).Succeeded);
        var decided = await SingleRequestAsync(database);
        Assert.Equal((ApprovalState.Approved, Start.UtcDateTime.AddMinutes(5), (string?)null), (decided.State, decided.DecidedAt, decided.DecisionNote));
        Assert.Equal("Mod", (await Site(database)).FindBearing("mod")!.Title);

        Assert.Equal("Anmodningen er allerede afgjort.", (await Desk(database).ApproveAsync(request.Id, Gurli, publish: true)).Errors[""]);
        Assert.Equal("Anmodningen er allerede afgjort.", (await Desk(database).ReturnAsync(request.Id, Gurli, "Alligevel ikke.")).Errors[""]);
        Assert.Equal(ApprovalState.Approved, (await SingleRequestAsync(database)).State);
        await using var db = database.NewContext();
        Assert.Equal($"Version {draft.Revision.Number}.", await db.AuditEntries.Where(a => a.Action == AuditAction.Approved).Select(a => a.Details).SingleAsync());
    }

    [Fact]
    public async Task TheOverviewListsPendingRequestsOfSavedDraftsOldestFirstAndAnItemWithoutARequestHasNone()
    {
        await using var database = await CreateAsync();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        Assert.Null(await Desk(database).ForItemAsync(mod));
        var udvikling = await ScheduledPublishingTests.ItemAsync(database, "udvikling");
        var phoenix = await ScheduledPublishingTests.ItemAsync(database, "phoenix");
        // Udvikling first; a minute later mod and then the Phønix page, at the same moment.
        foreach (var (item, title, later) in new[] { (udvikling, "Udvikling, ny", 1), (mod, "Mod, ny", 0), (phoenix, "Phønix, ny", 0) })
        {
            var draft = await Editor(database).SaveDraftAsync(item.Id, item.Version, ScheduledPublishingTests.With(item, title), Hanne);
            Assert.True((await Desk(database).RequestAsync(item.Id, draft.Revision!.Number, material: true, null, Hanne)).Succeeded);
            _clock.Advance(TimeSpan.FromMinutes(later));
        }

        Assert.Equal(["Udvikling, ny", "Mod, ny", "Phønix, ny"], (await Desk(database).PendingAsync()).Select(p => p.ItemTitle));

        // A save after the request takes it off the overview, and it can no longer be approved: it does not apply.
        var saved = await ScheduledPublishingTests.ItemAsync(database, "udvikling");
        Assert.True((await Editor(database).SaveDraftAsync(saved.Id, saved.Version, ScheduledPublishingTests.With(saved, "Udvikling, nyere"), Hanne)).Succeeded);
        var pending = await Desk(database).PendingAsync();
        Assert.Equal([(mod.Id, "Mod, ny", true), (phoenix.Id, "Phønix, ny", false)], pending.Select(p => (p.ItemId, p.ItemTitle, p.Material)));
        await using var db = database.NewContext();
        var stale = await db.ApprovalRequests.SingleAsync(a => a.ContentItemId == udvikling.Id);
        Assert.Equal("Der er gemt en nyere version efter anmodningen, så den gælder ikke længere. Den nye version skal sendes til godkendelse.",
            (await Desk(database).ApproveAsync(stale.Id, Gurli, publish: true)).Errors[""]);
    }

    [Fact]
    public async Task AnApproverWhoWroteOnlyTextsPublishedBeforeMayApprove()
    {
        await using var database = await CreateAsync();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        // Gurli's minor fix is what is published now; Hanne writes the next change.
        Assert.True((await Editor(database).SaveAndPublishAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod (Gurlis rettelse)"), Gurli)).Succeeded);
        var fixedMod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, fixedMod.Version, ScheduledPublishingTests.With(fixedMod, "Mod (Hanne)"), Hanne);
        Assert.True((await Desk(database).RequestAsync(mod.Id, draft.Revision!.Number, material: true, null, Hanne)).Succeeded);

        Assert.True((await Desk(database).ApproveAsync((await SingleRequestAsync(database)).Id, Gurli, publish: true)).Succeeded);
        Assert.Equal("Mod (Hanne)", (await Site(database)).FindBearing("mod")!.Title);
    }

    [Fact]
    public async Task TheGateSaysWhatMustBeApprovedAndLetsAMinorChangeThroughUnderMaterial()
    {
        await using (var material = await CreateAsync())
        {
            var mod = await ScheduledPublishingTests.ItemAsync(material, "mod");
            var refused = await Editor(material).SaveAndPublishAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod, væsentligt"), Hanne, material: true);
            Assert.Equal("Ikke udgivet: Ændringen afventer godkendelse. En væsentlig ændring af medarbejdergrundlaget skal godkendes af en godkender, før den udgives. Send den gemte version til godkendelse.",
                refused.Errors[""]);
            var draft = await ScheduledPublishingTests.ItemAsync(material, "mod");
            Assert.True((await Editor(material).PublishAsync(mod.Id, draft.Version, Hanne, material: false)).Succeeded);
            Assert.Equal("Mod, væsentligt", (await Site(material)).FindBearing("mod")!.Title);
        }

        await using var all = await CreateAsync(scope: ApprovalScope.All);
        var item = await ScheduledPublishingTests.ItemAsync(all, "mod");
        var held = await Editor(all).SaveAndPublishAsync(item.Id, item.Version, ScheduledPublishingTests.With(item, "Mod, en lille rettelse"), Hanne);
        Assert.Equal("Ikke udgivet: Ændringen afventer godkendelse. Alle ændringer skal godkendes af en godkender, før de udgives. Send den gemte version til godkendelse.",
            held.Errors[""]);
    }

    private async Task<TestDatabase> CreateAsync(string provider = "Sqlite", ApprovalScope scope = ApprovalScope.Material) =>
        await TestDatabase.CreateAsync(provider, services: s => s
            .AddSingleton<TimeProvider>(_clock)
            .Configure<GovernanceOptions>(o => o.ApprovalRequiredFor = scope));

    private static ContentEditor Editor(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private static ApprovalDesk Desk(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<ApprovalDesk>();

    private static async Task<PublishedSite> Site(TestDatabase database) => await database.Services.GetRequiredService<PublishedContentStore>().GetAsync();

    private static async Task<ApprovalRequest> SingleRequestAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.ApprovalRequests.AsNoTracking().SingleAsync();
    }
}
