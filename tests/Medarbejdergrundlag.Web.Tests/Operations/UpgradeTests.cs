using System.Data.Common;
using System.Net;
using System.Text.Json;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Medarbejdergrundlag.Web.Tests.Operations;

/// <summary>
/// A database made by the first version (hand-written migrations; tests/Fixtures/first-version)
/// starts on this code with nothing lost: texts, drafts, history, audit, redirects, courses and
/// dates, and the key ring, so its sessions and calendar links keep working.
/// </summary>
public sealed class UpgradeTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "first-version");

    [Theory]
    [InlineData(ContentDatabase.Sqlite)]
    [InlineData(ContentDatabase.Postgres)]
    public async Task AFirstVersionDatabaseStartsWithEverythingItHeld(string provider)
    {
        var manifest = Manifest(provider);
        using var factory = await UpgradedPortalAsync(provider, manifest);
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
    public async Task AnUpgradedDatabaseHasTheSchemaOfANewOne(string provider)
    {
        var manifest = Manifest(provider);
        using var upgraded = await UpgradedPortalAsync(provider, manifest);
        using var fresh = new PortalFactory(provider: provider);
        _ = upgraded.Services;
        _ = fresh.Services;

        var expected = await SchemaAsync(fresh.Database);
        Assert.Contains("ContentRevisions", expected);
        Assert.Contains("DataProtectionKeys", expected);
        Assert.Equal(expected, await SchemaAsync(upgraded.Database));
    }

    [Theory]
    [InlineData(ContentDatabase.Sqlite)]
    [InlineData(ContentDatabase.Postgres)]
    public async Task AnUpgradedDatabaseTakesNewEdits(string provider)
    {
        var manifest = Manifest(provider);
        using var factory = await UpgradedPortalAsync(provider, manifest);
        _ = factory.Services;

        await TestPublishing.PublishTitleAsync(factory.Database, "faellesskab", "Fællesskab efter opgraderingen");

        using var client = factory.CreateCookielessClient();
        var page = await client.GetWithCookieAsync("/pejlemaerker/faellesskab", manifest.EmployeeCookie);
        Assert.Contains("Fællesskab efter opgraderingen", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADbaUpgradesAFirstVersionPostgresDatabaseWithTheScriptAndTheAppStartsWithoutMigrating()
    {
        var manifest = Manifest(ContentDatabase.Postgres);
        var script = await Repository.RunScriptAsync("scripts/migration-sql.sh", ContentDatabase.Postgres);
        var database = await PortalDatabase.FromFixtureAsync(ContentDatabase.Postgres, "", Path.Combine(Folder, "legacy.postgres.sql"));

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

    [Fact]
    public async Task WithoutMigrateOnStartAFirstVersionDatabaseIsRefusedWithTheMigrationNamed()
    {
        var manifest = Manifest(ContentDatabase.Sqlite);
        var database = await PortalDatabase.FromFixtureAsync(ContentDatabase.Sqlite, Path.Combine(Folder, "legacy.sqlite.db"), "");
        using var factory = Upgraded(database, manifest).With("Database:MigrateOnStart", "false");

        var refused = Assert.Throws<InvalidOperationException>(() => factory.Services);

        await using var db = database.NewContext();
        Assert.Contains(LegacyMigrationHistory.Baseline(db), refused.Message);
        Assert.Contains("scripts/migration-sql.sh", refused.Message);
        Assert.DoesNotContain(LegacyMigrationHistory.Baseline(db), await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>
    /// The fixture's cookies were issued with an 8-hour sliding lifetime on the day it was made, so the
    /// app runs on a clock that starts one hour after that day and moves on in real time.
    /// </summary>
    private static async Task<PortalFactory> UpgradedPortalAsync(string provider, FixtureManifest manifest)
    {
        var database = await PortalDatabase.FromFixtureAsync(provider,
            Path.Combine(Folder, "legacy.sqlite.db"), Path.Combine(Folder, "legacy.postgres.sql"));
        return Upgraded(database, manifest);
    }

    private static PortalFactory Upgraded(PortalDatabase database, FixtureManifest manifest)
    {
        var clock = new ShiftedClock(manifest.MadeAt.AddHours(1) - DateTimeOffset.UtcNow);
        return new PortalFactory(database, ownsDatabase: true)
            .WithServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
    }

    private static FixtureManifest Manifest(string provider)
    {
        var file = Path.Combine(Folder, ContentDatabase.IsSqlite(provider) ? "manifest.sqlite.json" : "manifest.postgres.json");
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
            root.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));
    }

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
        Dictionary<string, int> Counts);

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
