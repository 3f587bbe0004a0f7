using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Medarbejdergrundlag.Web.Tests.Operations;

/// <summary>
/// A database made by an earlier version starts on this code with nothing lost: texts, drafts,
/// history, audit, redirects, courses and dates, and the key ring, so its sessions and calendar
/// links keep working. One fixture per version (tests/Fixtures/README.md): the first version
/// (hand-written migrations), the previous main (server sessions, calendar link owners, used
/// logout tokens, before a kind's fields became complex types) and the main of 5 December 2026
/// (English translations, schedules, review dates, confirmations, course expiry) and the main of
/// 6 December 2026 (the Milestones table, a publish despite the content checks).
/// </summary>
public sealed class UpgradeTests
{
    private const string FirstVersion = "first-version";
    private const string PreviousMain = "previous-main";
    private const string MainOfDecember5 = "main-2026-12-05";
    private const string MainOfDecember6 = "main-2026-12-06";

    /// <summary>Every fixture on every provider it was made on.</summary>
    public static TheoryData<string, string> Fixtures => new()
    {
        { FirstVersion, ContentDatabase.Sqlite },
        { FirstVersion, ContentDatabase.Postgres },
        { PreviousMain, ContentDatabase.Sqlite },
        { PreviousMain, ContentDatabase.Postgres },
        { MainOfDecember5, ContentDatabase.Sqlite },
        { MainOfDecember5, ContentDatabase.Postgres },
        { MainOfDecember6, ContentDatabase.Sqlite },
        { MainOfDecember6, ContentDatabase.Postgres },
    };

    /// <summary>The fixtures made since sessions lived on the server.</summary>
    public static TheoryData<string, string> FixturesWithServerSessions => new()
    {
        { PreviousMain, ContentDatabase.Sqlite },
        { PreviousMain, ContentDatabase.Postgres },
        { MainOfDecember5, ContentDatabase.Sqlite },
        { MainOfDecember5, ContentDatabase.Postgres },
        { MainOfDecember6, ContentDatabase.Sqlite },
        { MainOfDecember6, ContentDatabase.Postgres },
    };

    /// <summary>The versions before the accessibility statement was content and before course expiry: the upgrade adds both.</summary>
    private static bool PredatesStatementAndExpiry(string fixture) => fixture is FirstVersion or PreviousMain;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task ADatabaseOfAnEarlierVersionStartsWithEverythingItHeld(string fixture, string provider)
    {
        var manifest = Manifest(fixture, provider);
        using var factory = await UpgradedPortalAsync(fixture, provider, manifest);
        using var client = factory.CreateCookielessClient();

        // The first request starts the app: migrations, seeding (which adds only what the first version
        // lacked, the accessibility statement as content) and the key ring.
        var bearing = await client.GetWithCookieAsync("/pejlemaerker/mod", manifest.EmployeeCookie);
        Assert.Equal(HttpStatusCode.OK, bearing.StatusCode);
        Assert.Contains("FIXTURE-UDGIVET-TEKST", await bearing.Content.ReadAsStringAsync());

        await using (var db = factory.Database.NewContext())
        {
            // Seeding adds the accessibility statement (one item, one revision) to a version that lacked it, and nothing else.
            var added = PredatesStatementAndExpiry(fixture) ? 1 : 0;
            Assert.Equal(manifest.Counts["items"] + added, await db.Items.CountAsync());
            Assert.Equal(1, await db.Items.CountAsync(i => i.Kind == Medarbejdergrundlag.Content.Model.ContentKind.AccessibilityStatement));
            Assert.Equal(manifest.Counts["revisions"] + added, await db.Revisions.CountAsync());
            Assert.Equal(manifest.Counts["audit"], await db.AuditEntries.CountAsync());
            Assert.Equal(manifest.Counts["redirects"], await db.SlugRedirects.CountAsync());
            Assert.Equal(manifest.Counts["courseDates"], await db.CourseDates.CountAsync());
            Assert.Contains(manifest.KeyXml, await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            Assert.Contains(await db.AuditEntries.Select(a => a.Details).ToListAsync(), d => d.Contains("Fixture: udgivet ændring"));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Contains(LegacyMigrationHistory.Baseline(db), await db.Database.GetAppliedMigrationsAsync());

            // A kind's own fields, once columns of every revision, are its details now: every bearing
            // revision has its points, every course revision its course fields, the others neither.
            var revisions = await db.Revisions.Include(r => r.ContentItem).ToListAsync();
            Assert.All(revisions.Where(r => r.ContentItem!.Kind == ContentKind.Bearing), r => Assert.NotEmpty(r.Bearing!.Points));
            Assert.All(revisions.Where(r => r.ContentItem!.Kind == ContentKind.Course), r => Assert.NotEmpty(r.Course!.SignUp));
            Assert.All(revisions.Where(r => r.ContentItem!.Kind != ContentKind.Bearing), r => Assert.Null(r.Bearing));
            Assert.All(revisions.Where(r => r.ContentItem!.Kind != ContentKind.Course), r => Assert.Null(r.Course));
            Assert.Contains(revisions, r => r.Course is { BearingKeys.Count: > 0 });

            var items = await db.Items.ToListAsync();
            if (PredatesStatementAndExpiry(fixture))
            {
                // Course expiry: nothing kept by default, every course dealt with up to the upgrade (so
                // none is archived for a date that ended before it), the other kinds untouched.
                Assert.All(items, i => Assert.False(i.KeepAfterLastDate));
                Assert.All(items.Where(i => i.Kind == ContentKind.Course), i => Assert.NotNull(i.ExpiryHandledThrough));
                Assert.All(items.Where(i => i.Kind != ContentKind.Course), i => Assert.Null(i.ExpiryHandledThrough));
            }
            else
            {
                // Exactly the course an editor chose to keep is kept.
                Assert.Equal([manifest.MainOfDecember5!.KeptCourse.Key], items.Where(i => i.KeepAfterLastDate).Select(i => i.Key));
            }

            Assert.DoesNotContain(items, i => i.Kind == ContentKind.Course && i.IsArchived);

            // Every table the old database had is still there, with at least as many rows (a fixture
            // records all of its tables, so a table added later needs no change here).
            var tables = await TableCountsAsync(factory.Database);
            Assert.All(manifest.Tables, table =>
            {
                Assert.True(tables.ContainsKey(table.Key), $"The table {table.Key} is gone.");
                Assert.True(tables[table.Key] >= table.Value, $"{table.Key}: {tables[table.Key]} rows, the fixture had {table.Value}.");
            });
        }

        // The draft is still a draft: the editor sees it, employees do not.
        var drafted = await client.GetWithCookieAsync("/pejlemaerker/udvikling", manifest.EmployeeCookie);
        Assert.DoesNotContain("FIXTURE-KLADDE-TEKST", await drafted.Content.ReadAsStringAsync());
        await using (var db = factory.Database.NewContext())
        {
            var udvikling = await db.Items.Include(i => i.CurrentRevision).SingleAsync(i => i.Key == "udvikling");
            Assert.NotEqual(udvikling.PublishedRevisionId, udvikling.CurrentRevisionId);
            Assert.Contains("FIXTURE-KLADDE-TEKST", udvikling.CurrentRevision!.BodyMarkdown);
        }

        // The editor's session from before the upgrade still opens the admin area, and its history.
        var admin = await client.GetWithCookieAsync("/admin", manifest.EditorCookie);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var log = await client.GetWithCookieAsync("/admin/log", manifest.EditorCookie);
        Assert.Contains("Fixture: nyt navn", await log.Content.ReadAsStringAsync());

        // The renamed bearing's old address still leads to it.
        var old = await client.GetWithCookieAsync("/pejlemaerker/" + manifest.OldBearingSlug, manifest.EmployeeCookie);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/pejlemaerker/" + manifest.NewBearingSlug, old.Headers.Location!.OriginalString);

        // The course and its dates, the cancelled one marked so.
        var course = await client.GetWithCookieAsync("/phoenix/forloeb/" + manifest.CourseSlug, manifest.EmployeeCookie);
        var courseHtml = await course.Content.ReadAsStringAsync();
        Assert.Contains("FIXTURE-FORLOEB-TEKST", courseHtml);
        Assert.Contains("Fixturevej 1", courseHtml);

        // The calendar link a reader subscribed to before the upgrade still opens, without a sign-in.
        var feed = await client.GetAsync(manifest.FeedPath);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var calendar = await feed.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", calendar);
        Assert.Contains("STATUS:CANCELLED", calendar);
    }

    [Theory]
    [InlineData(ContentDatabase.Sqlite)]
    [InlineData(ContentDatabase.Postgres)]
    public async Task ACourseWhoseLastDateEndedBeforeTheUpgradeStaysAndTheOverviewSaysSo(string provider)
    {
        var manifest = Manifest(PreviousMain, provider);
        var database = await PortalDatabase.FromFixtureAsync(provider, SqliteFile(PreviousMain), PostgresDump(PreviousMain));
        await using (var db = database.NewContext())
        {
            // Before the upgrade: the fixture course's dates move to last spring.
            var course = await db.Items.Where(i => i.Key == manifest.CourseSlug).Select(i => i.Id).SingleAsync();
            await db.CourseDates.Where(d => d.ContentItemId == course).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.StartsAt, d => d.StartsAt.AddYears(-1))
                .SetProperty(d => d.EndsAt, d => d.EndsAt.AddYears(-1)));
        }

        using var factory = Upgraded(database, manifest);
        using var client = factory.CreateCookielessClient();
        var admin = await client.GetWithCookieAsync("/admin", manifest.EditorCookie);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);

        // The runner has had its first poll; the course is still published, and editors see why.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await using (var db = factory.Database.NewContext())
        {
            var course = await db.Items.SingleAsync(i => i.Key == manifest.CourseSlug);
            Assert.False(course.IsArchived);
            Assert.False(await db.AuditEntries.AnyAsync(a => a.ContentItemId == course.Id && a.Action == AuditAction.Archived));
        }

        var overview = await (await client.GetWithCookieAsync("/admin", manifest.EditorCookie)).Content.ReadAsStringAsync();
        Assert.Contains("Sidste dato var 22. marts 2026; udløber ikke af sig selv", overview);
    }

    [Theory]
    [MemberData(nameof(FixturesWithServerSessions))]
    public async Task ADatabaseWithServerSessionsKeepsItsSessionsCalendarLinkOwnersLogoutTokensAndKindFields(string fixture, string provider)
    {
        var manifest = Manifest(fixture, provider);
        var extra = manifest.PreviousMain!;
        using var factory = await UpgradedPortalAsync(fixture, provider, manifest);
        using var client = factory.CreateCookielessClient();

        // The server sessions from before the upgrade: each cookie still opens what its reader may see,
        // and the editor's sessions page knows it as the current one.
        Assert.Equal(HttpStatusCode.OK, (await client.GetWithCookieAsync("/medarbejdergrundlag", manifest.EmployeeCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetWithCookieAsync("/admin", manifest.EditorCookie)).StatusCode);
        var sessions = await client.GetWithCookieAsync("/konto/sessioner", manifest.EditorCookie);
        Assert.Contains("data-session=\"current\"", await sessions.Content.ReadAsStringAsync());

        // The employee renewed their calendar link before the upgrade: the new link opens, the earlier one stays shut.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(manifest.FeedPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(extra.StaleFeedPath)).StatusCode);

        var course = await client.GetWithCookieAsync("/phoenix/forloeb/" + manifest.CourseSlug, manifest.EmployeeCookie);
        Assert.Contains("0,5 dage", await course.Content.ReadAsStringAsync());

        await using var db = factory.Database.NewContext();
        Assert.Equal(manifest.Counts["sessions"], await db.UserSessions.CountAsync());
        Assert.Equal(extra.SessionSubjects, await db.UserSessions.Where(s => s.EndedAt == null).OrderBy(s => s.Subject).Select(s => s.Subject).ToListAsync());
        Assert.Equal(manifest.Counts["calendarFeedOwners"], await db.CalendarFeedOwners.CountAsync());
        Assert.Equal(extra.FeedOwners, (await db.CalendarFeedOwners.ToListAsync()).ToDictionary(o => o.Subject, o => o.Generation));
        Assert.Equal(manifest.Counts["usedLogoutTokens"], await db.UsedLogoutTokens.CountAsync());
        Assert.Equal(extra.LogoutTokenIds, await db.UsedLogoutTokens.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync());

        // The bearing's edited dialog questions and the course's bearings and half-day length, now kind details.
        var bearing = await db.Items.Include(i => i.CurrentRevision).SingleAsync(i => i.Key == extra.DialogBearingKey);
        Assert.Equal(extra.DialogQuestions, bearing.CurrentRevision!.Bearing!.DialogQuestions);
        var courseItem = await db.Items.Include(i => i.CurrentRevision).SingleAsync(i => i.Key == extra.CourseKey);
        Assert.Equal(extra.CourseBearingKeys.Order(), courseItem.CurrentRevision!.Course!.BearingKeys.Order());
        Assert.Equal(extra.CourseLengthDays, courseItem.CurrentRevision.Course.LengthDays);
    }

    /// <summary>The fixtures made since translations, schedules, reviews and confirmations.</summary>
    public static TheoryData<string, string> DecemberFixtures => new()
    {
        { MainOfDecember5, ContentDatabase.Sqlite },
        { MainOfDecember5, ContentDatabase.Postgres },
        { MainOfDecember6, ContentDatabase.Sqlite },
        { MainOfDecember6, ContentDatabase.Postgres },
    };

    [Theory]
    [MemberData(nameof(DecemberFixtures))]
    public async Task ADecemberMainDatabaseKeepsItsTranslationSchedulesReviewDateConfirmationsAndKeptCourse(string fixture, string provider)
    {
        var manifest = Manifest(fixture, provider);
        var extra = manifest.MainOfDecember5!;
        using var factory = await UpgradedPortalAsync(fixture, provider, manifest);
        using var client = factory.CreateCookielessClient();

        // The published English translation is what the English page shows; the English draft on top of it is not.
        var english = await client.GetWithCookieAsync(extra.English.Path, manifest.EmployeeCookie);
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        var englishHtml = await english.Content.ReadAsStringAsync();
        Assert.Contains(extra.English.PublishedMarker, englishHtml);
        Assert.DoesNotContain(extra.English.DraftMarker, englishHtml);

        // The editors' overview still lists the pending schedule and the failed one with its reason, and the review date with its owner.
        var overview = Html.Parse(await (await client.GetWithCookieAsync("/admin", manifest.EditorCookie)).Content.ReadAsStringAsync());
        var pending = extra.Schedules.Single(s => s.State == ScheduleState.Pending);
        var failed = extra.Schedules.Single(s => s.State == ScheduleState.Failed);
        Assert.Contains(ScheduleText.Upcoming(ScheduledActionKind.Publish, pending.DueAt), overview.QuerySelectorAll(".schedule-note").Select(n => n.Text()));
        var failures = overview.QuerySelector(".schedule-failures")?.Text() ?? "(no failed schedules listed)";
        Assert.Contains($"udgivelse af version {failed.RevisionNumber} {ScheduleText.When(failed.DueAt)}", failures);
        Assert.Contains(failed.Failure!, failures);
        var reviewRows = overview.QuerySelectorAll(".reviews-due tbody tr").Select(r => r.Text()).ToList();
        Assert.Contains(reviewRows, r => r.Contains(ScheduleText.Date(extra.Review.ReviewBy), StringComparison.Ordinal) && r.Contains(extra.Review.OwnerName, StringComparison.Ordinal));

        // Two confirmations: HR's figures count one current and one older, and the employee, who
        // confirmed before the material change, is asked to read it.
        var figures = Html.Parse(await (await client.GetWithCookieAsync("/admin/bekraeftelser", manifest.EditorCookie)).Content.ReadAsStringAsync());
        Assert.Equal(
            [extra.Confirmations.Count(c => c.Current).ToString(CultureInfo.InvariantCulture), extra.Confirmations.Count(c => !c.Current).ToString(CultureInfo.InvariantCulture)],
            new[] { "current", "older" }.Select(f => figures.QuerySelector($"[data-figure={f}]")!.Text()));
        var charter = Html.Parse(await (await client.GetWithCookieAsync("/medarbejdergrundlag", manifest.EmployeeCookie)).Content.ReadAsStringAsync());
        Assert.NotNull(charter.QuerySelector("[data-reader-status=changed]"));

        // The kept course's last date has ended by now, and a run of the schedules leaves it published.
        Assert.True(extra.KeptCourse.LastEndsUtc < factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await factory.Services.GetRequiredService<ScheduleRunner>().RunDueAsync();
        var kept = await client.GetWithCookieAsync("/phoenix/forloeb/" + extra.KeptCourse.Slug, manifest.EmployeeCookie);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);

        await using var db = factory.Database.NewContext();
        var mod = await db.Items.Include(i => i.PublishedEnglishRevision).Include(i => i.CurrentEnglishRevision).SingleAsync(i => i.Key == extra.English.Key);
        Assert.Equal(("en", extra.English.PublishedRevisionNumber), (mod.PublishedEnglishRevision!.Language, mod.PublishedEnglishRevision.Number));
        Assert.Equal(("en", extra.English.DraftRevisionNumber), (mod.CurrentEnglishRevision!.Language, mod.CurrentEnglishRevision.Number));
        Assert.Contains(extra.English.DraftMarker, mod.CurrentEnglishRevision.BodyMarkdown);

        Assert.Equal(
            extra.Schedules.Select(s => (s.Id, s.Key, s.State, s.RevisionNumber, s.DueAt, s.Failure)),
            (await db.ScheduledActions.Include(s => s.ContentItem).Include(s => s.Revision).OrderBy(s => s.Id).ToListAsync())
                .Select(s => (s.Id, s.ContentItem!.Key, s.State, s.Revision!.Number, s.DueAt, s.Failure)));

        var reviewed = await db.Items.SingleAsync(i => i.Key == extra.Review.Key);
        Assert.Equal((extra.Review.ReviewBy, extra.Review.OwnerId, extra.Review.OwnerName), (reviewed.ReviewBy!.Value, reviewed.OwnerId!, reviewed.OwnerName!));

        Assert.Equal(
            extra.Confirmations.Select(c => (c.SubjectId, c.Version, c.Forvaltning)),
            (await db.Confirmations.OrderBy(c => c.Id).ToListAsync()).Select(c => (c.SubjectId, c.Version, c.Forvaltning)));

        var course = await db.Items.SingleAsync(i => i.Key == extra.KeptCourse.Key);
        Assert.Equal((true, false), (course.KeepAfterLastDate, course.IsArchived));

        // The main of 6 December 2026 published despite a blocking content check; the audit log keeps the reason.
        if (fixture == MainOfDecember6)
        {
            Assert.Contains(await db.AuditEntries.Select(a => a.Details).ToListAsync(), d => d.Contains("»FIXTURE-BEGRUNDELSE«", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task AnUpgradedDatabaseHasTheSchemaOfANewOne(string fixture, string provider)
    {
        var manifest = Manifest(fixture, provider);
        using var upgraded = await UpgradedPortalAsync(fixture, provider, manifest);
        using var fresh = new PortalFactory(provider: provider);
        _ = upgraded.Services;
        _ = fresh.Services;

        var expected = await SchemaAsync(fresh.Database);
        Assert.Contains("ContentRevisions", expected);
        Assert.Contains("DataProtectionKeys", expected);
        Assert.Equal(expected, await SchemaAsync(upgraded.Database));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task AnUpgradedDatabaseTakesNewEdits(string fixture, string provider)
    {
        var manifest = Manifest(fixture, provider);
        using var factory = await UpgradedPortalAsync(fixture, provider, manifest);
        _ = factory.Services;

        await TestPublishing.PublishTitleAsync(factory.Database, "faellesskab", "Fællesskab efter opgraderingen");

        using var client = factory.CreateCookielessClient();
        var page = await client.GetWithCookieAsync("/pejlemaerker/faellesskab", manifest.EmployeeCookie);
        Assert.Contains("Fællesskab efter opgraderingen", await page.Content.ReadAsStringAsync());
    }

    [Trait(Needs.Trait, Needs.Postgres)]
    [Trait(Needs.Trait, Needs.Process)]
    [Theory]
    [InlineData(FirstVersion)]
    [InlineData(PreviousMain)]
    [InlineData(MainOfDecember5)]
    [InlineData(MainOfDecember6)]
    public async Task ADbaUpgradesAPostgresDatabaseOfAnEarlierVersionWithTheScriptAndTheAppStartsWithoutMigrating(string fixture)
    {
        var manifest = Manifest(fixture, ContentDatabase.Postgres);
        var script = await Repository.RunScriptAsync("scripts/migration-sql.sh", ContentDatabase.Postgres);
        var database = await PortalDatabase.FromFixtureAsync(ContentDatabase.Postgres, "", PostgresDump(fixture));

        // Idempotent: a DBA may run it again, and on a database at any earlier version.
        for (var run = 0; run < 2; run++)
        {
            await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(script, connection);
            await command.ExecuteNonQueryAsync();
        }

        using var factory = Upgraded(database, manifest).With("Database:MigrateOnStart", "false");
        using var client = factory.CreateCookielessClient();
        // The app cannot tell when a DBA's script brought server sessions in, so it adopts no cookie
        // from before them (docs/sign-in.md): the first version's employee signs in again.
        var cookie = fixture == FirstVersion ? await PersonaSignIn.SessionCookieAsync(client, "medarbejder") : manifest.EmployeeCookie;
        var bearing = await client.GetWithCookieAsync("/pejlemaerker/mod", cookie);
        Assert.Contains("FIXTURE-UDGIVET-TEKST", await bearing.Content.ReadAsStringAsync());
        await using var db = factory.Database.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [InlineData(FirstVersion)]
    [InlineData(PreviousMain)]
    public async Task WithoutMigrateOnStartADatabaseOfAnEarlierVersionIsRefusedWithItsMigrationsNamed(string fixture)
    {
        var manifest = Manifest(fixture, ContentDatabase.Sqlite);
        var database = await PortalDatabase.FromFixtureAsync(ContentDatabase.Sqlite, SqliteFile(fixture), "");
        using var factory = Upgraded(database, manifest).With("Database:MigrateOnStart", "false");
        List<string> applied;
        await using (var before = database.NewContext())
        {
            applied = (await before.Database.GetAppliedMigrationsAsync()).ToList();
        }

        var refused = Assert.Throws<InvalidOperationException>(() => factory.Services);

        // Nothing was applied or adopted, and every migration the database lacks is named.
        await using var db = database.NewContext();
        Assert.Equal(applied, await db.Database.GetAppliedMigrationsAsync());
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        Assert.Contains(db.Database.GetMigrations().Last(), pending);
        Assert.All(pending, migration => Assert.Contains(migration, refused.Message));
        Assert.Contains("scripts/migration-sql.sh", refused.Message);
    }

    /// <summary>
    /// The fixture's cookies were issued with an 8-hour sliding lifetime on the day it was made, so the
    /// app runs on a clock that starts one hour after that day and moves on in real time.
    /// </summary>
    private static async Task<PortalFactory> UpgradedPortalAsync(string fixture, string provider, FixtureManifest manifest)
    {
        var database = await PortalDatabase.FromFixtureAsync(provider, SqliteFile(fixture), PostgresDump(fixture));
        return Upgraded(database, manifest);
    }

    private static string Folder(string fixture) => Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);

    private static string SqliteFile(string fixture) => Directory.GetFiles(Folder(fixture), "*.sqlite.db").Single();

    private static string PostgresDump(string fixture) => Directory.GetFiles(Folder(fixture), "*.postgres.sql").Single();

    private static PortalFactory Upgraded(PortalDatabase database, FixtureManifest manifest)
    {
        var clock = new ShiftedClock(manifest.MadeAt.AddHours(1) - DateTimeOffset.UtcNow);
        return new PortalFactory(database, ownsDatabase: true)
            .WithServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
    }

    private static FixtureManifest Manifest(string fixture, string provider)
    {
        var file = Path.Combine(Folder(fixture), ContentDatabase.IsSqlite(provider) ? "manifest.sqlite.json" : "manifest.postgres.json");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var root = json.RootElement;
        return new FixtureManifest(
            DateTimeOffset.Parse(root.GetProperty("madeAtUtc").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            root.GetProperty("employeeCookie").GetString()!,
            root.GetProperty("editorCookie").GetString()!,
            root.GetProperty("oldBearingSlug").GetString()!,
            root.GetProperty("newBearingSlug").GetString()!,
            root.GetProperty("courseSlug").GetString()!,
            root.GetProperty("feedPath").GetString()!,
            root.GetProperty("keyXml").GetString()!,
            root.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()),
            root.TryGetProperty("tables", out var tables) ? tables.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()) : [],
            root.TryGetProperty("staleFeedPath", out _) ? PreviousMainRows(root) : null,
            root.TryGetProperty("english", out _) ? MainOfDecember5Rows(root) : null);
    }

    /// <summary>What the main of 5 December 2026 added to the manifest.</summary>
    private static MainOfDecember5Manifest MainOfDecember5Rows(JsonElement root)
    {
        var english = root.GetProperty("english");
        var review = root.GetProperty("review");
        var kept = root.GetProperty("keptCourse");
        return new(
            new EnglishRows(
                english.GetProperty("key").GetString()!,
                english.GetProperty("path").GetString()!,
                english.GetProperty("publishedMarker").GetString()!,
                english.GetProperty("publishedRevisionNumber").GetInt32(),
                english.GetProperty("draftMarker").GetString()!,
                english.GetProperty("draftRevisionNumber").GetInt32()),
            root.GetProperty("schedules").EnumerateArray().Select(s => new ScheduleRow(
                s.GetProperty("id").GetInt32(),
                s.GetProperty("key").GetString()!,
                Enum.Parse<ScheduleState>(s.GetProperty("state").GetString()!),
                s.GetProperty("revisionNumber").GetInt32(),
                Utc(s.GetProperty("dueAtUtc")),
                s.GetProperty("failure").GetString())).ToList(),
            new ReviewRow(
                review.GetProperty("key").GetString()!,
                DateOnly.ParseExact(review.GetProperty("reviewBy").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                review.GetProperty("ownerId").GetString()!,
                review.GetProperty("ownerName").GetString()!),
            root.GetProperty("confirmations").EnumerateArray().Select(c => new ConfirmationRow(
                c.GetProperty("subjectId").GetString()!,
                c.GetProperty("version").GetString()!,
                c.GetProperty("forvaltning").GetString(),
                c.GetProperty("current").GetBoolean())).ToList(),
            new KeptCourseRow(kept.GetProperty("key").GetString()!, kept.GetProperty("slug").GetString()!, Utc(kept.GetProperty("lastEndsUtc"))));
    }

    private static DateTime Utc(JsonElement value) =>
        DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>What the previous main added to the manifest: the rows the first version had no tables for, and kind fields.</summary>
    private static PreviousMainManifest PreviousMainRows(JsonElement root) => new(
        root.GetProperty("staleFeedPath").GetString()!,
        Strings(root.GetProperty("sessionSubjects")),
        root.GetProperty("feedOwners").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()),
        Strings(root.GetProperty("logoutTokenIds")).Order(StringComparer.Ordinal).ToList(),
        root.GetProperty("dialogBearingKey").GetString()!,
        Strings(root.GetProperty("dialogQuestions")),
        root.GetProperty("courseKey").GetString()!,
        Strings(root.GetProperty("courseBearingKeys")),
        root.GetProperty("courseLengthDays").GetDecimal());

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>Tables, columns (type, nullability, default) and indexes, as the database itself reports them.</summary>
    private static async Task<string> SchemaAsync(PortalDatabase database)
    {
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var lines = new List<string>();
        if (database.IsPostgres)
        {
            lines.AddRange(await RowsAsync(connection, """
                SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                       || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '') || ' ' || is_nullable || ' ' || coalesce(column_default, '')
                FROM information_schema.columns WHERE table_schema = 'public'
                """));
            lines.AddRange(await RowsAsync(connection, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"));
            lines.AddRange(await RowsAsync(connection, """
                SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                """));
        }
        else
        {
            var tables = await RowsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
            foreach (var table in tables)
            {
                lines.AddRange((await RowsAsync(connection, $"SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || coalesce(dflt_value, '') || ' ' || pk FROM pragma_table_info('{table}')"))
                    .Select(c => $"{table}.{c}"));
                lines.AddRange((await RowsAsync(connection, $"SELECT \"table\" || '.' || \"from\" || '->' || \"to\" || ' ' || on_delete FROM pragma_foreign_key_list('{table}')"))
                    .Select(c => $"{table} fk {c}"));
                lines.AddRange((await RowsAsync(connection, $"SELECT name || ' ' || \"unique\" FROM pragma_index_list('{table}')"))
                    .Select(c => $"{table} index {c}"));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    /// <summary>Every table's row count, by the database's own catalogue.</summary>
    private static async Task<Dictionary<string, long>> TableCountsAsync(PortalDatabase database)
    {
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = await RowsAsync(connection, database.IsPostgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private sealed record FixtureManifest(
        DateTimeOffset MadeAt,
        string EmployeeCookie,
        string EditorCookie,
        string OldBearingSlug,
        string NewBearingSlug,
        string CourseSlug,
        string FeedPath,
        string KeyXml,
        Dictionary<string, int> Counts,
        Dictionary<string, long> Tables,
        PreviousMainManifest? PreviousMain,
        MainOfDecember5Manifest? MainOfDecember5);

    private sealed record PreviousMainManifest(
        string StaleFeedPath,
        List<string> SessionSubjects,
        Dictionary<string, int> FeedOwners,
        List<string> LogoutTokenIds,
        string DialogBearingKey,
        List<string> DialogQuestions,
        string CourseKey,
        List<string> CourseBearingKeys,
        decimal CourseLengthDays);

    private sealed record MainOfDecember5Manifest(
        EnglishRows English,
        List<ScheduleRow> Schedules,
        ReviewRow Review,
        List<ConfirmationRow> Confirmations,
        KeptCourseRow KeptCourse);

    private sealed record EnglishRows(string Key, string Path, string PublishedMarker, int PublishedRevisionNumber, string DraftMarker, int DraftRevisionNumber);

    private sealed record ScheduleRow(int Id, string Key, ScheduleState State, int RevisionNumber, DateTime DueAt, string? Failure);

    private sealed record ReviewRow(string Key, DateOnly ReviewBy, string OwnerId, string OwnerName);

    private sealed record ConfirmationRow(string SubjectId, string Version, string? Forvaltning, bool Current);

    private sealed record KeptCourseRow(string Key, string Slug, DateTime LastEndsUtc);

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
