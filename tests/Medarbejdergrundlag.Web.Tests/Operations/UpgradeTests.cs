using System.Data.Common;
using System.Net;
using System.Text.Json;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
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
/// (hand-written migrations) and the previous main (server sessions, calendar link owners, used
/// logout tokens, before a kind's fields became complex types).
/// </summary>
public sealed class UpgradeTests
{
    private const string FirstVersion = "first-version";
    private const string PreviousMain = "previous-main";

    /// <summary>Every fixture on every provider it was made on.</summary>
    public static TheoryData<string, string> Fixtures => new()
    {
        { FirstVersion, ContentDatabase.Sqlite },
        { FirstVersion, ContentDatabase.Postgres },
        { PreviousMain, ContentDatabase.Sqlite },
        { PreviousMain, ContentDatabase.Postgres },
    };

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
            Assert.Equal(manifest.Counts["items"], await db.Items.CountAsync(i => i.Kind != Medarbejdergrundlag.Content.Model.ContentKind.AccessibilityStatement));
            Assert.Equal(1, await db.Items.CountAsync(i => i.Kind == Medarbejdergrundlag.Content.Model.ContentKind.AccessibilityStatement));
            Assert.Equal(manifest.Counts["revisions"] + 1, await db.Revisions.CountAsync());
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

            // Course expiry: nothing kept by default, every course dealt with up to the upgrade (so
            // none is archived for a date that ended before it), the other kinds untouched.
            var items = await db.Items.ToListAsync();
            Assert.All(items, i => Assert.False(i.KeepAfterLastDate));
            Assert.All(items.Where(i => i.Kind == ContentKind.Course), i => Assert.NotNull(i.ExpiryHandledThrough));
            Assert.All(items.Where(i => i.Kind != ContentKind.Course), i => Assert.Null(i.ExpiryHandledThrough));
            Assert.DoesNotContain(items, i => i.Kind == ContentKind.Course && i.IsArchived);
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
    [InlineData(ContentDatabase.Sqlite)]
    [InlineData(ContentDatabase.Postgres)]
    public async Task APreviousMainDatabaseKeepsItsSessionsCalendarLinkOwnersLogoutTokensAndKindFields(string provider)
    {
        var manifest = Manifest(PreviousMain, provider);
        var extra = manifest.PreviousMain!;
        using var factory = await UpgradedPortalAsync(PreviousMain, provider, manifest);
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
        var bearing = await client.GetWithCookieAsync("/pejlemaerker/mod", manifest.EmployeeCookie);
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
            root.TryGetProperty("staleFeedPath", out _) ? PreviousMainRows(root) : null);
    }

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
        PreviousMainManifest? PreviousMain);

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

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
