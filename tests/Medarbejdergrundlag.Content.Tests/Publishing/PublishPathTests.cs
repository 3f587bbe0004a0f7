using System.Collections.Concurrent;
using Medarbejdergrundlag.Content.Approvals;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Content.Tests.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Publishing;

/// <summary>
/// The one publish path: every publish (by hand, by schedule, by the import) gets the same stamp,
/// review date and expiry hold, asks the same gates, and reaches the after-commit hooks only when
/// it commits. The gate and the hook here are real services registered in the container.
/// </summary>
public sealed class PublishPathTests : IAsyncLifetime
{
    // Friday 27 November 2026, 14:00 in Copenhagen (UTC+1).
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");
    private const string Header = "Titel;Målgruppe;Forvaltning;Dage;Pejlemærker;Tilmelding;Start;Slut;Sted\r\n";

    private readonly TestClock _clock = new(Start);
    private readonly RefusingGate _gate = new();
    private readonly RecordingHook _hook = new();
    private TestDatabase _database = default!;

    public async Task InitializeAsync()
    {
        // About the path's gates and hooks, not approval: the material publishes go through without one.
        _database = await TestDatabase.CreateAsync(services: s => s
            .Configure<Medarbejdergrundlag.Content.Approvals.GovernanceOptions>(o => o.ApprovalRequiredFor = Medarbejdergrundlag.Content.Approvals.ApprovalScope.None)
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton<IPublishGate>(_gate)
            .AddSingleton<IPublishedHook>(_hook));

        // Seeding published the charter through the same path; the tests start after it.
        Assert.NotEmpty(_hook.Committed);
        Assert.All(_gate.Asked, r => Assert.Equal(PublishSource.Seed, r.Source));
        _gate.Asked.Clear();
        _hook.Committed.Clear();
        _hook.InTransaction.Clear();
        _hook.Services = _database.Services;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ACoursePublishedByTheImportGetsItsStampReviewDateAndExpiryHoldLikeAnyPublish()
    {
        // A course whose only date ended long ago: without the hold, expiry would archive it at the next poll.
        var preview = CourseImport.Read(Header + "Nyt forløb;Ledere;Tværgående;2;Mod;phoenix@odense.dk;24-03-2026 09:00;15:00;Phønix\r\n", [("mod", "Mod")]);

        var result = await Scoped<CourseImporter>().ImportAsync(preview, publish: true, Hanne);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var db = _database.NewContext();
        var course = await db.Items.Include(i => i.PublishedRevision).SingleAsync(i => i.Kind == ContentKind.Course);
        Assert.Equal(Start.UtcDateTime, course.PublishedRevision!.PublishedAt);
        Assert.Equal((new DateOnly(2027, 11, 27), Hanne.Name), (course.ReviewBy, course.LastReviewedBy));
        Assert.Equal(Start.UtcDateTime, course.ExpiryHandledThrough);
        var published = await db.AuditEntries.SingleAsync(a => a.ContentItemId == course.Id && a.Action == AuditAction.Published);
        Assert.StartsWith("Udgivet ved import. Version 1.", published.Details);
        Assert.Equal(0, await _database.Services.GetRequiredService<ScheduleRunner>().ExpireCoursesAsync());
        Assert.Equal(course.Id, Assert.Single(_hook.Committed).ItemId);
    }

    [Fact]
    public async Task AGateThatRefusesKeepsTheDraftSaysWhyAndPublishesNothingByHand()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        _gate.Refuse = "Ændringen afventer godkendelse.";

        var result = await Scoped<ContentEditor>().SaveAndPublishAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod uden godkendelse"), Hanne, material: true);

        Assert.Equal(EditOutcome.Refused, result.Outcome);
        Assert.Equal("Ikke udgivet: Ændringen afventer godkendelse.", result.Errors[""]);
        var after = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        Assert.Equal(("Mod uden godkendelse", "Mod", mod.Version + 1), (after.CurrentRevision!.Title, after.PublishedRevision!.Title, after.Version));
        Assert.Equal(after.Version, result.Item!.Version);
        Assert.Equal("Mod", (await Site()).FindBearing("mod")!.Title);
        Assert.Null(after.CurrentRevision.PublishedAt);
        var gateSaw = Assert.Single(_gate.Asked);
        Assert.Equal((mod.Id, "Mod uden godkendelse", true, PublishSource.Editor), (gateSaw.Item.Id, gateSaw.Revision.Title, gateSaw.Material, gateSaw.Source));
        await using var db = _database.NewContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.ContentItemId == mod.Id && a.Action == AuditAction.Published && a.User == Hanne.Name));
        Assert.Empty(_hook.Committed);
        Assert.Empty(_hook.InTransaction);

        // Once the gate lets it through, the saved draft is published as it is.
        _gate.Refuse = null;
        Assert.True((await Scoped<ContentEditor>().PublishAsync(mod.Id, after.Version, Hanne)).Succeeded);
        Assert.Equal("Mod uden godkendelse", (await Site()).FindBearing("mod")!.Title);
    }

    [Fact]
    public async Task AScheduledPublishThatAGateRefusesFailsWithTheReasonAndStaysListed()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        var draft = await Scoped<ContentEditor>().SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod fra nytår"), Hanne);
        Assert.True((await Scoped<PublishSchedule>().SchedulePublishAsync(mod.Id, draft.Revision!.Number, "27-11-2026 15:00", Hanne)).Succeeded);
        _gate.Refuse = "Ændringen afventer godkendelse.";
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await _database.Services.GetRequiredService<ScheduleRunner>().RunDueAsync());

        Assert.Equal("Mod", (await Site()).FindBearing("mod")!.Title);
        Assert.Equal(PublishSource.Schedule, Assert.Single(_gate.Asked).Source);
        await using var db = _database.NewContext();
        var schedule = await db.ScheduledActions.SingleAsync();
        Assert.Equal((ScheduleState.Failed, "Ikke udgivet: Ændringen afventer godkendelse."), (schedule.State, schedule.Failure));
        Assert.Contains(await Scoped<PublishSchedule>().OpenForItemAsync(mod.Id), s => s.Id == schedule.Id);
        Assert.Empty(_hook.Committed);
    }

    [Fact]
    public async Task AnImportWhosePublishAGateRefusesWritesNothing()
    {
        var preview = CourseImport.Read(Header + "Nyt forløb;Ledere;Tværgående;2;Mod;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix\r\n", [("mod", "Mod")]);
        _gate.Refuse = "Forløbet skal godkendes.";

        var result = await Scoped<CourseImporter>().ImportAsync(preview, publish: true, Hanne);

        Assert.False(result.Succeeded);
        Assert.Contains("Forløbet »Nyt forløb« kan ikke udgives: Ikke udgivet: Forløbet skal godkendes.", result.Errors);
        Assert.Equal(PublishSource.Import, Assert.Single(_gate.Asked).Source);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Items.CountAsync(i => i.Kind == ContentKind.Course));
        Assert.Equal(0, await db.CourseDates.CountAsync());
        Assert.Empty(_hook.Committed);
    }

    [Fact]
    public async Task TheHookSeesACommittedPublishAndNeverOneThatRolledBack()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        await using var scope = _database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.True((await editor.SaveAndPublishAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod, rullet tilbage"), Hanne)).Succeeded);
            Assert.Single(_hook.InTransaction);
            await transaction.RollbackAsync();
        }

        Assert.Empty(_hook.Committed);
        Assert.Equal("Mod", (await Site()).FindBearing("mod")!.Title);

        // The same context publishes again and commits: the hook hears of this publish only.
        db.ChangeTracker.Clear();
        var published = await editor.SaveAndPublishAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Modigt"), Hanne, material: true);

        Assert.True(published.Succeeded);
        var seen = Assert.Single(_hook.Committed);
        Assert.Equal((mod.Id, ContentKind.Bearing, published.Revision!.Id, "Modigt", true, Hanne, PublishSource.Editor, Start.UtcDateTime),
            (seen.ItemId, seen.Kind, seen.RevisionId, seen.Title, seen.Material, seen.By, seen.Source, seen.At));
        // It ran after the commit: what it is told is already what a new context reads.
        Assert.Equal("Modigt", _hook.TitleReadAfterCommit);
    }

    [Fact]
    public async Task APublishCommittedSynchronouslyIsSeenAtOnceAndReachesTheHookOnce()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        await using var scope = _database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        using (var transaction = db.Database.BeginTransaction())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ContentEditor>()
                .SaveAndPublishAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod, synkront"), Hanne)).Succeeded);
            Assert.Empty(_hook.Committed);
            transaction.Commit();
        }

        Assert.Equal("Mod, synkront", (await Site()).FindBearing("mod")!.Title);

        // The hooks run on the thread pool after a synchronous commit.
        for (var waited = 0; _hook.Committed.IsEmpty && waited < 10_000; waited += 20)
        {
            await Task.Delay(20);
        }

        await Task.Delay(100);
        var seen = Assert.Single(_hook.Committed);
        Assert.Equal((mod.Id, "Mod, synkront", PublishSource.Editor), (seen.ItemId, seen.Title, seen.Source));
    }

    [Fact]
    public async Task SavingReadsTheHighestRevisionNumberNotEveryRevisionsText()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        var version = mod.Version;
        for (var i = 2; i <= 4; i++)
        {
            var saved = await Scoped<ContentEditor>().SaveDraftAsync(mod.Id, version, ScheduledPublishingTests.With(mod, $"Mod {i}"), Hanne);
            Assert.Equal(i, saved.Revision!.Number);
            version = saved.Item!.Version;
        }

        await using var scope = _database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        await scope.ServiceProvider.GetRequiredService<ContentEditor>().SaveDraftAsync(mod.Id, version, ScheduledPublishingTests.With(mod, "Mod 5"), Hanne);

        // Tracked: the item's current and published revisions, and the new one; not revisions 2 and 3.
        Assert.Equal([1, 4, 5], db.ChangeTracker.Entries<ContentRevision>().Select(e => e.Entity.Number).Order());
    }

    [Fact]
    public async Task PublishingThePublishedVersionAgainOrAnOlderOneIsRefusedAndChangesNothing()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");

        var again = await Scoped<ContentEditor>().PublishAsync(mod.Id, mod.Version, Hanne);

        Assert.Equal(EditOutcome.Invalid, again.Outcome);
        Assert.Equal("Der er ingen ændringer at udgive. Den udgivne version er allerede den nyeste.", again.Errors[""]);
        Assert.Empty(_gate.Asked);

        // Version n is scheduled, then version n+1 is published by hand: when the schedule comes due, the older one stays unpublished.
        var older = await Scoped<ContentEditor>().SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod fra nytår"), Hanne);
        Assert.True((await Scoped<PublishSchedule>().SchedulePublishAsync(mod.Id, older.Revision!.Number, "27-11-2026 15:00", Hanne)).Succeeded);
        var current = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        var newer = await Scoped<ContentEditor>().SaveAndPublishAsync(mod.Id, current.Version, ScheduledPublishingTests.With(current, "Mod nu"), Hanne);
        Assert.True(newer.Succeeded);
        _clock.Advance(TimeSpan.FromHours(1));

        await _database.Services.GetRequiredService<ScheduleRunner>().RunDueAsync();

        await using var db = _database.NewContext();
        var schedule = await db.ScheduledActions.SingleAsync();
        Assert.Equal(
            $"Version {newer.Revision!.Number} er allerede udgivet, og den er nyere end version {older.Revision.Number}. Den ældre version er ikke udgivet.",
            schedule.Failure);
        Assert.Equal("Mod nu", (await Site()).FindBearing("mod")!.Title);
        Assert.Equal([PublishSource.Editor], _gate.Asked.Select(r => r.Source));
        Assert.Single(_hook.Committed);
    }

    [Fact]
    public async Task APublishThatMovesTheAddressAndOverridesTheChecksSaysSoInTheAuditLogWithTheReasonCutTo500Characters()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        var reason = new string('x', 498) + " yz and more";

        var result = await Scoped<ContentEditor>().SaveAndPublishAsync(
            mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod", slug: "modet"), Hanne, checksOverride: "  " + reason + "  ");

        Assert.True(result.Succeeded);
        await using var db = _database.NewContext();
        var published = await db.Revisions.SingleAsync(r => r.Id == result.Revision!.Id);
        Assert.Equal(reason[..500], published.ChecksOverrideReason);
        var audit = await db.AuditEntries.Where(a => a.ContentItemId == mod.Id && a.Action == AuditAction.Published).OrderBy(a => a.Id).LastAsync();
        Assert.Equal(
            $"Version {published.Number}. Adressen er flyttet fra »mod« til »modet«. Mindre ændring. Udgivet trods indholdstjekket, med begrundelsen: »{reason[..500]}«.",
            audit.Details);

        // A blank reason is no reason: nothing is recorded as overridden.
        var renamed = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        var plain = await Scoped<ContentEditor>().SaveAndPublishAsync(renamed.Id, renamed.Version, ScheduledPublishingTests.With(renamed, "Mod igen"), Hanne, checksOverride: " \t ");
        Assert.True(plain.Succeeded);
        await using var after = _database.NewContext();
        Assert.Null((await after.Revisions.SingleAsync(r => r.Id == plain.Revision!.Id)).ChecksOverrideReason);
        Assert.Equal($"Version {plain.Revision!.Number}. Mindre ændring.",
            (await after.AuditEntries.Where(a => a.ContentItemId == mod.Id && a.Action == AuditAction.Published).OrderBy(a => a.Id).LastAsync()).Details);
    }

    [Fact]
    public async Task ACourseIsNeverPublishedAsAMaterialChangeAndItsOldAddressLeadsToTheNewOne()
    {
        var preview = CourseImport.Read(Header + "Nyt forløb;Ledere;Tværgående;2;Mod;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix\r\n", [("mod", "Mod")]);
        Assert.True((await Scoped<CourseImporter>().ImportAsync(preview, publish: true, Hanne)).Succeeded);
        var course = await CourseAsync();
        var oldSlug = course.PublishedRevision!.Slug;
        _gate.Asked.Clear();
        _hook.Committed.Clear();

        // Only the charter is confirmed by readers: "væsentlig" means nothing for a course, whoever asks.
        var result = await Scoped<ContentEditor>().SaveAndPublishAsync(
            course.Id, course.Version, ScheduledPublishingTests.With(course, "Nyt forløb", slug: "nyt-navn"), Hanne, material: true);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        Assert.False(Assert.Single(_gate.Asked).Material);
        Assert.False(Assert.Single(_hook.Committed).Material);
        await using var db = _database.NewContext();
        Assert.False((await db.Revisions.SingleAsync(r => r.Id == result.Revision!.Id)).IsMaterialChange);
        var audit = await db.AuditEntries.Where(a => a.ContentItemId == course.Id && a.Action == AuditAction.Published).OrderBy(a => a.Id).LastAsync();
        Assert.Equal($"Version {result.Revision!.Number}. Adressen er flyttet fra »{oldSlug}« til »nyt-navn«.", audit.Details);
        var site = await Site();
        Assert.Equal("nyt-navn", site.FindCourse("nyt-navn")!.Slug);
        Assert.Equal("nyt-navn", site.CourseRedirect(oldSlug));
    }

    [Fact]
    public async Task APublishNeverMovesACoursesExpiryBackAndABearingHasNone()
    {
        var preview = CourseImport.Read(Header + "Nyt forløb;Ledere;Tværgående;2;Mod;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix\r\n", [("mod", "Mod")]);
        Assert.True((await Scoped<CourseImporter>().ImportAsync(preview, publish: true, Hanne)).Succeeded);
        var course = await CourseAsync();
        var later = Start.UtcDateTime.AddDays(30);
        await using (var db = _database.NewContext())
        {
            await db.Items.Where(i => i.Id == course.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiryHandledThrough, later));
        }

        course = await CourseAsync();
        Assert.True((await Scoped<ContentEditor>().SaveAndPublishAsync(course.Id, course.Version, ScheduledPublishingTests.With(course, "Nyt forløb igen"), Hanne)).Succeeded);
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        Assert.True((await Scoped<ContentEditor>().SaveAndPublishAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Modigt"), Hanne)).Succeeded);

        // Expiry has dealt with the course through a later time than now: the publish leaves that alone.
        Assert.Equal(later, (await CourseAsync()).ExpiryHandledThrough);
        Assert.Null((await ScheduledPublishingTests.ItemAsync(_database, "mod")).ExpiryHandledThrough);
    }

    [Fact]
    public async Task WhoeverPublishesARevisionSentForApprovalPublishesItAsItsAuthorCalledIt()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");

        // A request for an older version says nothing about a newer one.
        var older = await Scoped<ContentEditor>().SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod, sendt"), Hanne);
        Assert.True((await Scoped<ApprovalDesk>().RequestAsync(mod.Id, older.Revision!.Number, material: true, null, Hanne)).Succeeded);
        var newer = await Scoped<ContentEditor>().SaveAndPublishAsync(
            mod.Id, (await ScheduledPublishingTests.ItemAsync(_database, "mod")).Version, ScheduledPublishingTests.With(mod, "Mod, nyere"), Hanne);
        Assert.False(await IsMaterialAsync(newer));

        // Sent as a minor change: published as one.
        var minor = await Scoped<ContentEditor>().SaveDraftAsync(mod.Id, newer.Item!.Version, ScheduledPublishingTests.With(mod, "Mod, lille rettelse"), Hanne);
        Assert.True((await Scoped<ApprovalDesk>().RequestAsync(mod.Id, minor.Revision!.Number, material: false, null, Hanne)).Succeeded);
        var minorPublished = await Scoped<ContentEditor>().PublishAsync(mod.Id, (await ScheduledPublishingTests.ItemAsync(_database, "mod")).Version, Hanne);
        Assert.False(await IsMaterialAsync(minorPublished));

        // Sent as material: published as material, though the one who publishes it does not say so again.
        var material = await Scoped<ContentEditor>().SaveDraftAsync(mod.Id, minorPublished.Item!.Version, ScheduledPublishingTests.With(mod, "Mod, ny formulering"), Hanne);
        Assert.True((await Scoped<ApprovalDesk>().RequestAsync(mod.Id, material.Revision!.Number, material: true, null, Hanne)).Succeeded);
        _gate.Asked.Clear();
        var materialPublished = await Scoped<ContentEditor>().PublishAsync(mod.Id, (await ScheduledPublishingTests.ItemAsync(_database, "mod")).Version, Hanne);

        Assert.True(await IsMaterialAsync(materialPublished));
        Assert.True(Assert.Single(_gate.Asked).Material);
        await using var db = _database.NewContext();
        var audit = await db.AuditEntries.Where(a => a.ContentItemId == mod.Id && a.Action == AuditAction.Published).OrderBy(a => a.Id).LastAsync();
        Assert.Equal($"Version {material.Revision.Number}. Væsentlig ændring: læserne bliver bedt om at bekræfte igen.", audit.Details);
    }

    [Fact]
    public async Task APublishWhoseTransactionWasDroppedIsNotAnnouncedByTheNextUserOfItsPooledContext()
    {
        var mod = await ScheduledPublishingTests.ItemAsync(_database, "mod");
        ContentDbContext dropped;
        await using (var scope = _database.Services.CreateAsyncScope())
        {
            dropped = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            // The caller's transaction ends with neither a commit nor a rollback: an exception on its way out.
            await using (await dropped.Database.BeginTransactionAsync())
            {
                var publish = await scope.ServiceProvider.GetRequiredService<ContentEditor>()
                    .SaveAndPublishAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod, aldrig udgivet"), Hanne);
                Assert.True(publish.Succeeded, string.Join(" ", publish.Errors.Values));
            }
        }

        Assert.Equal(mod.Id, Assert.Single(_hook.InTransaction).Item.Id);
        Assert.Equal("Mod", (await ScheduledPublishingTests.ItemAsync(_database, "mod")).PublishedRevision!.Title);

        // The pool hands that context to a later request, which publishes another item and commits.
        await using var later = _database.Services.CreateAsyncScope();
        var factory = later.ServiceProvider.GetRequiredService<IDbContextFactory<ContentDbContext>>();
        var leased = new List<ContentDbContext>();
        var udvikling = await ScheduledPublishingTests.ItemAsync(_database, "udvikling");
        try
        {
            for (var i = 0; i < 50 && !leased.Contains(dropped); i++)
            {
                leased.Add(factory.CreateDbContext());
            }

            var reused = Assert.Single(leased, c => ReferenceEquals(c, dropped));
            var editor = ActivatorUtilities.CreateInstance<ContentEditor>(later.ServiceProvider, reused);
            Assert.True((await editor.SaveAndPublishAsync(udvikling.Id, udvikling.Version, ScheduledPublishingTests.With(udvikling, "Udvikling i dag"), Hanne)).Succeeded);
        }
        finally
        {
            foreach (var context in leased)
            {
                await context.DisposeAsync();
            }
        }

        // Only the later publish is announced; the dropped one never happened.
        var announced = Assert.Single(_hook.Committed);
        Assert.Equal((udvikling.Id, "Udvikling i dag"), (announced.ItemId, announced.Title));
    }

    private async Task<bool> IsMaterialAsync(EditResult published)
    {
        Assert.True(published.Succeeded, string.Join(" ", published.Errors.Values));
        await using var db = _database.NewContext();
        return (await db.Revisions.SingleAsync(r => r.Id == published.Revision!.Id)).IsMaterialChange;
    }

    private async Task<ContentItem> CourseAsync()
    {
        await using var db = _database.NewContext();
        return await db.Items.AsNoTracking().Include(i => i.CurrentRevision).Include(i => i.PublishedRevision).SingleAsync(i => i.Kind == ContentKind.Course);
    }

    private T Scoped<T>() where T : notnull => _database.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<PublishedSite> Site() => await _database.Services.GetRequiredService<PublishedContentStore>().GetAsync();

    private sealed class RefusingGate : IPublishGate
    {
        public string? Refuse { get; set; }

        public ConcurrentQueue<PublishRequest> Asked { get; } = new();

        public ValueTask<IReadOnlyList<string>> CheckAsync(PublishRequest request, CancellationToken cancellationToken = default)
        {
            Asked.Enqueue(request);
            return ValueTask.FromResult<IReadOnlyList<string>>(Refuse is null ? [] : [Refuse]);
        }
    }

    private sealed class RecordingHook : IPublishedHook
    {
        public ConcurrentQueue<PublishRequest> InTransaction { get; } = new();

        public ConcurrentQueue<PublishedEvent> Committed { get; } = new();

        public string? TitleReadAfterCommit { get; private set; }

        public IServiceProvider? Services { get; set; }

        public ValueTask PublishingAsync(PublishRequest request, ContentDbContext db, CancellationToken cancellationToken = default)
        {
            InTransaction.Enqueue(request);
            return ValueTask.CompletedTask;
        }

        public async Task PublishedAsync(PublishedEvent published, CancellationToken cancellationToken = default)
        {
            Committed.Enqueue(published);
            if (Services is { } services)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
                TitleReadAfterCommit = (await db.Revisions.AsNoTracking().SingleAsync(r => r.Id == published.RevisionId, cancellationToken)).Title;
            }
        }
    }
}
