using System.Diagnostics;
using System.Linq.Expressions;
using System.Net;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Security.Sessions;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// The watcher behind "ending a session ends it on every instance" (issue 33): it forgets sessions
/// another instance ended, and drops rows a day past their end. On SQLite, in the fast tier; the
/// PostgreSQL variant with its two-second bound is in <see cref="SessionTests"/>.
/// </summary>
public sealed class SessionEndWatcherTests
{
    [Fact]
    public async Task ASessionSignedOutOnOneInstanceIsRefusedOnAnotherWithinSeconds()
    {
        using var database = PortalDatabase.Create();
        using var a = new PortalFactory(database);
        using var editor = a.CreateCookielessClient();
        var copied = await PersonaSignIn.SessionCookieAsync(editor, "hr-redaktoer");
        using var b = new PortalFactory(database);
        using var thief = b.CreateCookielessClient();
        // The second instance has read the session and holds it in memory.
        Assert.Equal(HttpStatusCode.OK, (await SessionTests.GetWithCookieAsync(thief, "/admin", copied)).StatusCode);

        await SessionTests.SignOutAsync(editor, copied);
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(100);
            status = (await SessionTests.GetWithCookieAsync(thief, "/admin", copied)).StatusCode;
        }
        while (status == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    [Fact]
    public async Task AnEndCommittedLateWithATimeUpToFiveSecondsBeforeTheLatestSeenIsStillForgotten()
    {
        using var factory = new PortalFactory();
        var store = factory.Services.GetRequiredService<SessionStore>();
        var first = await store.StoreAsync(SessionStoreHarness.Ticket("persona:medarbejder"));
        string firstId;
        await using (var db = factory.Database.NewContext())
        {
            firstId = await db.UserSessions.Select(s => s.Id).SingleAsync();
        }

        var second = await store.StoreAsync(SessionStoreHarness.Ticket("persona:hr-redaktoer"));
        var latest = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).UtcDateTime;
        await EndAsync(factory.Database, s => s.Id == firstId, latest);
        Assert.True(await WithinAsync(async () => await store.RetrieveAsync(first) is null), "The first end was not seen.");

        // Another instance's end, stamped five seconds before the latest the watcher has seen, commits now.
        Assert.NotNull(await store.RetrieveAsync(second));
        await EndAsync(factory.Database, s => s.Id != firstId, latest.AddSeconds(-5));

        Assert.True(await WithinAsync(async () => await store.RetrieveAsync(second) is null), "An end committed out of order was missed.");
    }

    [Fact]
    public async Task RowsADayPastTheirEndAreDroppedNewerOnesKeptAndOnlyEveryTenMinutes()
    {
        using var database = PortalDatabase.Create();
        using (var migrate = new PortalFactory(database))
        {
            _ = migrate.Services;
        }

        var t0 = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var now = t0.UtcDateTime;
        var dayAgo = now.AddDays(-1);
        var later = now.AddHours(1);
        await using (var db = database.NewContext())
        {
            db.UserSessions.AddRange(
                Row("ended-before", expires: later, absolute: later, ended: dayAgo.AddSeconds(-1)),
                Row("expired-before", expires: dayAgo.AddSeconds(-1), absolute: later),
                Row("absolute-before", expires: later, absolute: dayAgo.AddSeconds(-1)),
                Row("ended-at-the-day", expires: later, absolute: later, ended: dayAgo),
                Row("expired-at-the-day", expires: dayAgo, absolute: later),
                Row("absolute-at-the-day", expires: later, absolute: dayAgo),
                Row("ended-an-hour-ago", expires: later, absolute: later, ended: now.AddHours(-1)),
                Row("live", expires: later, absolute: later));
            await db.SaveChangesAsync();
        }

        var clock = new FakeTimeProvider(t0);
        using var factory = new PortalFactory(database)
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        _ = factory.Services;

        // The watcher trims on its second tick, a second after start.
        Assert.True(await GoneWithinAsync(database, "ended-before"), "The session ended more than a day ago was not dropped.");
        Assert.Equal(
            ["absolute-at-the-day", "ended-an-hour-ago", "ended-at-the-day", "expired-at-the-day", "live"],
            await IdsAsync(database));

        // Ten minutes after the trim, not yet: a row that is old by then stays a few ticks more.
        await using (var db = database.NewContext())
        {
            db.UserSessions.Add(Row("old-between-trims", expires: later, absolute: later, ended: dayAgo.AddHours(-1)));
            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Contains("old-between-trims", await IdsAsync(database));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await GoneWithinAsync(database, "old-between-trims"), "The trim did not run again just over ten minutes later.");
    }

    [Fact]
    public async Task ADatabaseOutageIsLoggedOnceAndAgainAfterTheWatcherHasReadTheDatabaseOnceMore()
    {
        var logs = new LogCapture();
        using var factory = new PortalFactory().WithLogs(logs);
        var store = factory.Services.GetRequiredService<SessionStore>();
        var key = await store.StoreAsync(SessionStoreHarness.Ticket("persona:medarbejder"));
        int Warnings() => logs.Entries.Count(e => e.Category == typeof(SessionEndWatcher).FullName && e.Level == LogLevel.Warning
            && e.Text.StartsWith("Could not read ended sessions from the database; trying again every second.", StringComparison.Ordinal));

        // A healthy database, with no session ended yet, is nothing to warn about.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(0, Warnings());

        // To the watcher, a table it cannot find is a database it cannot read.
        await RenameSessionsTableAsync(factory.Database, "UserSessions", "UserSessionsAway");
        Assert.True(await WithinAsync(() => Task.FromResult(Warnings() >= 1)), "The outage was not logged.");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(1, Warnings());

        // Back: the watcher reads again (it forgets a session ended meanwhile), then a new outage is news.
        await RenameSessionsTableAsync(factory.Database, "UserSessionsAway", "UserSessions");
        await using (var db = factory.Database.NewContext())
        {
            await db.UserSessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, DateTime.UtcNow));
        }

        Assert.True(await WithinAsync(async () => await store.RetrieveAsync(key) is null), "The watcher did not read the database again.");
        await RenameSessionsTableAsync(factory.Database, "UserSessions", "UserSessionsAway");
        Assert.True(await WithinAsync(() => Task.FromResult(Warnings() == 2)), $"A second outage logged {Warnings() - 1} warnings, not one.");
        await RenameSessionsTableAsync(factory.Database, "UserSessionsAway", "UserSessions");
    }

    [Fact]
    public async Task ADatabaseTheWatcherCannotReadFromTheStartIsLogged()
    {
        using var database = PortalDatabase.Create();
        using (var migrate = new PortalFactory(database))
        {
            _ = migrate.Services;
        }

        await RenameSessionsTableAsync(database, "UserSessions", "UserSessionsAway");
        var logs = new LogCapture();
        using var factory = new PortalFactory(database).WithLogs(logs);
        _ = factory.Services;

        Assert.True(
            await WithinAsync(() => Task.FromResult(logs.Entries.Any(e => e.Category == typeof(SessionEndWatcher).FullName && e.Level == LogLevel.Warning))),
            "An outage from the start was not logged.");
        await RenameSessionsTableAsync(database, "UserSessionsAway", "UserSessions");
    }

    [Fact]
    public async Task TheWatcherDropsFromMemorySessionsPastTheirEnd()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new PortalFactory().WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var store = factory.Services.GetRequiredService<SessionStore>();
        // Memory keeps a session until its sliding end, by the real clock; this one's is in a moment.
        var end = DateTime.UtcNow.AddSeconds(2);
        await store.StoreAsync(SessionStoreHarness.Ticket("persona:medarbejder", expires: end));
        Assert.Equal(1, store.CachedCount);
        await Task.Delay(end - DateTime.UtcNow + TimeSpan.FromMilliseconds(200));

        // The watcher trims every ten minutes (and once at start, which may have come before the end).
        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.True(await WithinAsync(() => Task.FromResult(store.CachedCount == 0)), "The expired session stayed in memory.");
    }

    private static async Task EndAsync(PortalDatabase database, Expression<Func<UserSession, bool>> which, DateTime at)
    {
        await using var db = database.NewContext();
        Assert.Equal(1, await db.UserSessions.Where(which).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, at)));
    }

    private static async Task RenameSessionsTableAsync(PortalDatabase database, string from, string to)
    {
        await using var db = database.NewContext();
        var sql = "ALTER TABLE \"" + from + "\" RENAME TO \"" + to + "\"";
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<bool> WithinAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static UserSession Row(string id, DateTime expires, DateTime absolute, DateTime? ended = null) => new()
    {
        Id = id,
        Subject = "persona:hr-redaktoer",
        CreatedAt = absolute.AddHours(-8),
        ExpiresAt = expires,
        AbsoluteExpiresAt = absolute,
        EndedAt = ended,
        Ticket = [1],
    };

    private static async Task<List<string>> IdsAsync(PortalDatabase database)
    {
        await using var db = database.NewContext();
        return await db.UserSessions.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
    }

    private static Task<bool> GoneWithinAsync(PortalDatabase database, string id) =>
        WithinAsync(async () => !(await IdsAsync(database)).Contains(id));
}
