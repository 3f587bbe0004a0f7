using System.Security.Claims;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Security;
using Medarbejdergrundlag.Web.Security.Sessions;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// The session store on its own (issue 33): what a row holds, when memory answers and when the
/// database does, renewal by the same sign-in only, ends to the tick. The store is made here, beside
/// the app's, on the app's database and key ring, so no watcher acts on it and its clock is ours.
/// </summary>
public sealed class SessionStoreEdgeTests
{
    [Fact]
    public async Task ARowOfATicketThatNamesNoEndIssuerNameOrBrowserTakesTheClocksEndsAndEmptyTexts()
    {
        using var sessions = new SessionStoreHarness();

        var key = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("persona:medarbejder"));

        var row = await sessions.RowAsync(key);
        Assert.Equal("persona:medarbejder", row.Subject);
        Assert.Equal("", row.Issuer);
        Assert.Null(row.ProviderSessionId);
        Assert.Equal("", row.DisplayName);
        Assert.Equal("", row.UserAgent);
        Assert.Equal(sessions.Now, row.CreatedAt);
        Assert.Equal(sessions.Now.AddHours(8), row.ExpiresAt);
        Assert.Equal(sessions.Now.AddHours(12), row.AbsoluteExpiresAt);
        Assert.Null(row.EndedAt);
    }

    [Fact]
    public async Task ARowKeepsTheTicketsOwnEndIssuerAndProviderSessionCutsALongNameAndTheRequestLearnsItsId()
    {
        using var sessions = new SessionStoreHarness();
        var context = new DefaultHttpContext();
        context.Request.Headers.UserAgent = "Firefox";
        var ticket = SessionStoreHarness.Ticket("sub-1", issuer: "https://idp.example", sid: "sid-1", name: new string('N', 250), expires: sessions.Now.AddHours(2));

        var key = await sessions.Store.StoreAsync(ticket, context, CancellationToken.None);

        var row = await sessions.RowAsync(key);
        Assert.Equal(("https://idp.example", "sid-1"), (row.Issuer, row.ProviderSessionId));
        Assert.Equal(new string('N', 200), row.DisplayName);
        Assert.Equal("Firefox", row.UserAgent);
        Assert.Equal(sessions.Now.AddHours(2), row.ExpiresAt);
        Assert.Equal(SessionStore.IdOf(key), context.Items[SessionStore.CurrentSessionItem]);
    }

    [Fact]
    public async Task StoringATicketWithoutASubjectFailsAndWritesNoRow()
    {
        using var sessions = new SessionStoreHarness();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => sessions.Store.StoreAsync(SessionStoreHarness.Ticket(subject: null)));

        Assert.Equal("A session needs a subject.", refused.Message);
        Assert.Empty(await sessions.RowsAsync());
    }

    [Fact]
    public async Task AStoredSessionIsServedFromMemoryEvenWhenItsRowIsGoneAndTheRequestLearnsItsId()
    {
        using var sessions = new SessionStoreHarness();
        var key = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("persona:medarbejder"));
        await sessions.DeleteRowsAsync();
        var context = new DefaultHttpContext();

        var ticket = await sessions.Store.RetrieveAsync(key, context, CancellationToken.None);

        Assert.Equal("persona:medarbejder", ticket?.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(SessionStore.IdOf(key), context.Items[SessionStore.CurrentSessionItem]);
        Assert.Equal(1, sessions.Store.CachedCount);
    }

    [Fact]
    public async Task AnotherInstanceReadsASessionsRowOnceThenAnswersFromMemory()
    {
        using var sessions = new SessionStoreHarness();
        var key = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("persona:leder"));
        using var other = sessions.NewInstance();
        Assert.Null(await other.RetrieveAsync("no-such-key"));

        Assert.Equal("persona:leder", (await other.RetrieveAsync(key))?.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        await sessions.DeleteRowsAsync();

        Assert.Equal("persona:leder", (await other.RetrieveAsync(key))?.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public async Task AnotherInstanceReadsOnlyTheLiveRowOfTheKeyItIsAskedFor()
    {
        using var sessions = new SessionStoreHarness();
        var ended = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("persona:medarbejder"));
        var live = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("persona:leder"));
        await sessions.Store.RemoveAsync(ended);
        using var other = sessions.NewInstance();

        Assert.Null(await other.RetrieveAsync(ended));
        Assert.Equal("persona:leder", (await other.RetrieveAsync(live))?.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public async Task AStoredTicketThatCannotBeReadAsksForASignInAndSaysWhy()
    {
        using var sessions = new SessionStoreHarness();
        var key = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("persona:medarbejder"));
        await using (var db = sessions.Database.NewContext())
        {
            await db.UserSessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, new byte[] { 1, 2, 3 }));
        }

        using var other = sessions.NewInstance();

        Assert.Null(await other.RetrieveAsync(key));
        Assert.Contains(sessions.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.StartsWith("A stored session could not be read; the user signs in again.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASessionEndsAtItsAbsoluteEndToTheTickAndItsRowIsMarked()
    {
        using var sessions = new SessionStoreHarness();
        var key = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("persona:medarbejder"));

        sessions.Clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromTicks(1));
        Assert.NotNull(await sessions.Store.RetrieveAsync(key));
        Assert.DoesNotContain(sessions.Logs.Entries, e => e.Text.Contains("absolute lifetime", StringComparison.Ordinal));
        sessions.Clock.Advance(TimeSpan.FromTicks(1));

        Assert.Null(await sessions.Store.RetrieveAsync(key));
        Assert.Equal(sessions.Now.AddHours(12), (await sessions.RowAsync(key)).EndedAt);
        Assert.Contains(sessions.Logs.Entries, e => e.Level == LogLevel.Information && e.Text.StartsWith("A session reached its absolute lifetime; the user signs in again.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EndingASessionMarksItsRowOnceAndRefusesItHereAtOnceLeavingOthersAlive()
    {
        using var sessions = new SessionStoreHarness();
        var ended = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("persona:medarbejder"));
        var live = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("persona:leder"));

        Assert.Equal(1, await sessions.Store.EndAsync(s => s.Id == SessionStore.IdOf(ended), CancellationToken.None));

        Assert.Null(await sessions.Store.RetrieveAsync(ended));
        Assert.NotNull(await sessions.Store.RetrieveAsync(live));
        Assert.Equal(sessions.Now, (await sessions.RowAsync(ended)).EndedAt);
        Assert.Null((await sessions.RowAsync(live)).EndedAt);

        // Ending it again finds nothing to end and leaves its end where it was.
        sessions.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await sessions.Store.EndAsync(s => s.Id == SessionStore.IdOf(ended), CancellationToken.None));
        Assert.Equal(sessions.Now, (await sessions.RowAsync(ended)).EndedAt);
    }

    [Fact]
    public async Task ARenewalByTheSameSignInMovesOnlyThatSessionsEndAndKeepsTheNewTicket()
    {
        using var sessions = new SessionStoreHarness();
        var oidc = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("sub-1", issuer: "https://idp.example", sid: "sid-1"));
        var persona = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("persona:medarbejder"));

        await sessions.Store.RenewAsync(oidc, SessionStoreHarness.Ticket("sub-1", issuer: "https://idp.example", sid: "sid-1", expires: sessions.Now.AddHours(5), renewed: true));
        sessions.Clock.Advance(TimeSpan.FromHours(1));
        await sessions.Store.RenewAsync(persona, SessionStoreHarness.Ticket("persona:medarbejder", renewed: true));

        var oidcRow = await sessions.RowAsync(oidc);
        var personaRow = await sessions.RowAsync(persona);
        Assert.Equal((sessions.Now.AddHours(5), (DateTime?)null), (oidcRow.ExpiresAt, oidcRow.EndedAt));
        Assert.Equal((sessions.Now.AddHours(9), (DateTime?)null), (personaRow.ExpiresAt, personaRow.EndedAt));
        Assert.True((await sessions.Store.RetrieveAsync(oidc))?.Principal.HasClaim("renewed", "yes"), "Memory kept the ticket from before the renewal.");
        using var other = sessions.NewInstance();
        Assert.True((await other.RetrieveAsync(persona))?.Principal.HasClaim("renewed", "yes"), "The row kept the ticket from before the renewal.");
        Assert.DoesNotContain(sessions.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("sub-1", "https://other.example", "sid-1")]
    [InlineData("sub-1", "https://idp.example", "sid-2")]
    [InlineData("sub-1", null, "sid-1")]
    [InlineData("sub-1", "https://idp.example", null)]
    public async Task ARenewalWithTheTicketOfAnotherProviderOrProviderSessionEndsTheSession(string subject, string? issuer, string? sid)
    {
        using var sessions = new SessionStoreHarness();
        var key = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("sub-1", issuer: "https://idp.example", sid: "sid-1"));

        await sessions.Store.RenewAsync(key, SessionStoreHarness.Ticket(subject, issuer: issuer, sid: sid));

        Assert.Null(await sessions.Store.RetrieveAsync(key));
        Assert.Equal(sessions.Now, (await sessions.RowAsync(key)).EndedAt);
        Assert.Contains(sessions.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.StartsWith("A renewal carried the ticket of another sign-in than the session's; the session was ended.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARenewalOfAnEndedSessionOrOfOneThisInstanceHasNotReadChangesNothing()
    {
        // On the real time, so memory still holds the ended session when the renewal comes.
        using var sessions = new SessionStoreHarness(behind: TimeSpan.Zero);
        var ended = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("persona:medarbejder"));
        var unread = await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("persona:leder"));
        await sessions.Store.RemoveAsync(ended);
        using var other = sessions.NewInstance();

        await sessions.Store.RenewAsync(ended, SessionStoreHarness.Ticket("persona:hr-redaktoer"));
        await other.RenewAsync(unread, SessionStoreHarness.Ticket("persona:leder", expires: sessions.Now.AddHours(1)));

        Assert.DoesNotContain(sessions.Logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Null(await sessions.Store.RetrieveAsync(ended));
        Assert.Equal(sessions.Now.AddHours(8), (await sessions.RowAsync(unread)).ExpiresAt);
    }

    [Fact]
    public async Task TrimmingDropsFromMemoryASessionPastItsSlidingEnd()
    {
        using var sessions = new SessionStoreHarness();
        // Memory keeps a session until the earlier of its two ends; this one slides out in a moment.
        var end = DateTime.UtcNow.AddSeconds(2);
        await sessions.Store.StoreAsync(SessionStoreHarness.Ticket("persona:medarbejder", expires: end));
        Assert.Equal(1, sessions.Store.CachedCount);
        await Task.Delay(end - DateTime.UtcNow + TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, sessions.Store.CachedCount);

        sessions.Store.Trim();

        Assert.Equal(0, sessions.Store.CachedCount);
    }

    [Fact]
    public async Task MemoryHoldsNoMoreSessionsThanItsLimit()
    {
        using var sessions = new SessionStoreHarness();
        using var small = sessions.NewInstance(new PortalSessionOptions { MemoryLimit = 2 });

        for (var i = 0; i < 3; i++)
        {
            await small.StoreAsync(SessionStoreHarness.Ticket($"persona:{i}"));
        }

        Assert.InRange(small.CachedCount, 0, 2);
        Assert.Equal(3, (await sessions.RowsAsync()).Count);
    }

    [Fact]
    public async Task ADisposedStoreRefusesFurtherUse()
    {
        using var sessions = new SessionStoreHarness();
        var store = sessions.NewInstance();
        var key = await store.StoreAsync(SessionStoreHarness.Ticket("persona:medarbejder"));

        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.RetrieveAsync(key));
        Assert.Throws<ObjectDisposedException>(() => store.NoteLegacyCookie("cookie", SessionStoreHarness.Ticket("persona:medarbejder")));
    }
}

/// <summary>
/// A session store of its own on a migrated portal database: a clock an hour behind the real one
/// unless told otherwise (memory expires entries by the real clock, so this store's ends lie within
/// reach of it), logs kept.
/// </summary>
internal sealed class SessionStoreHarness : IDisposable
{
    private readonly PortalFactory _factory = new();

    /// <param name="behind">How far the clock is behind the real one; an hour unless a test needs memory to keep ended sessions (ten minutes by the clock).</param>
    public SessionStoreHarness(TimeSpan? behind = null)
    {
        _ = _factory.Services;
        Clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()) - (behind ?? TimeSpan.FromHours(1)));
        Now = Clock.GetUtcNow().UtcDateTime;
        Store = NewInstance();
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The clock's time when the harness was made.</summary>
    public DateTime Now { get; }

    public LogCapture Logs { get; } = new();

    public SessionStore Store { get; }

    public PortalDatabase Database => _factory.Database;

    public IServiceProvider Services => _factory.Services;

    /// <summary>Another instance of the store (another server, or this one after a restart).</summary>
    public SessionStore NewInstance(PortalSessionOptions? options = null) => new(
        _factory.Services.GetRequiredService<IDbContextFactory<ContentDbContext>>(),
        _factory.Services.GetRequiredService<IDataProtectionProvider>(),
        Clock,
        options ?? new PortalSessionOptions(),
        new LoggerFactory([Logs]).CreateLogger<SessionStore>());

    public static AuthenticationTicket Ticket(
        string? subject, string? issuer = null, string? sid = null, string? name = null, DateTimeOffset? expires = null, DateTimeOffset? issued = null, bool renewed = false)
    {
        var claims = new List<Claim>();
        AddIf(ClaimTypes.NameIdentifier, subject);
        AddIf(PortalClaims.Issuer, issuer);
        AddIf(PortalClaims.SessionId, sid);
        AddIf(ClaimTypes.Name, name);
        AddIf("renewed", renewed ? "yes" : null);
        var properties = new AuthenticationProperties { ExpiresUtc = expires, IssuedUtc = issued };
        return new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")), properties, CookieAuthenticationDefaults.AuthenticationScheme);

        void AddIf(string type, string? value)
        {
            if (value is not null)
            {
                claims.Add(new Claim(type, value));
            }
        }
    }

    public async Task<UserSession> RowAsync(string key)
    {
        await using var db = Database.NewContext();
        return await db.UserSessions.AsNoTracking().SingleAsync(s => s.Id == SessionStore.IdOf(key));
    }

    public async Task<List<UserSession>> RowsAsync()
    {
        await using var db = Database.NewContext();
        return await db.UserSessions.AsNoTracking().ToListAsync();
    }

    public async Task DeleteRowsAsync()
    {
        await using var db = Database.NewContext();
        await db.UserSessions.ExecuteDeleteAsync();
    }

    public void Dispose()
    {
        Store.Dispose();
        _factory.Dispose();
    }
}
