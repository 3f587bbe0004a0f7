using System.Security.Claims;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Security.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// Cookies from before server sessions (issue 33): the data format notes them, the store adopts each
/// once while adoption is open, to the tick of its window, and never again once it is ended.
/// </summary>
public sealed class SessionAdoptionTests
{
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    [Fact]
    public async Task AnOldCookieIssuedBeforeTheUpgradeIsAdoptedWithItsOwnDatesAndAnEndWithinTheWindow()
    {
        using var sessions = new SessionStoreHarness();
        var introduced = await UpgradedAnHourAgoAsync(sessions);
        var issued = introduced.AddHours(-2);
        var ticket = SessionStoreHarness.Ticket("sub-1", issuer: "https://idp.example", sid: "sid-1", name: new string('N', 250), expires: sessions.Now.AddHours(3), issued: issued);

        var key = sessions.Store.NoteLegacyCookie("old-cookie", ticket);

        Assert.StartsWith(SessionStore.LegacyKeyPrefix, key, StringComparison.Ordinal);
        Assert.Equal("sub-1", (await sessions.Store.RetrieveAsync(key))?.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        var row = await sessions.RowAsync(key);
        Assert.Equal(("sub-1", "https://idp.example", "sid-1"), (row.Subject, row.Issuer, row.ProviderSessionId));
        Assert.Equal(new string('N', 200), row.DisplayName);
        Assert.Equal(issued, row.CreatedAt);
        Assert.Equal(sessions.Now.AddHours(3), row.ExpiresAt);
        Assert.Equal(issued.AddHours(12), row.AbsoluteExpiresAt);
        Assert.Contains(sessions.Logs.Entries, e => e.Level == LogLevel.Information && e.Text.StartsWith("Adopted a session cookie from before server sessions.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAdoptedCookieThatNamesNoEndOrIssuerTakesTheClocksEndAndAnEmptyIssuer()
    {
        using var sessions = new SessionStoreHarness();
        var introduced = await UpgradedAnHourAgoAsync(sessions);

        var key = sessions.Store.NoteLegacyCookie("old-cookie", SessionStoreHarness.Ticket("sub-1", issued: introduced.AddMinutes(-1)));

        Assert.NotNull(await sessions.Store.RetrieveAsync(key));
        var row = await sessions.RowAsync(key);
        Assert.Equal(("", (string?)null, ""), (row.Issuer, row.ProviderSessionId, row.DisplayName));
        Assert.Equal(sessions.Now.AddHours(8), row.ExpiresAt);
    }

    [Fact]
    public async Task AdoptionClosesExactlyOneAbsoluteLifetimeAfterTheUpgrade()
    {
        using var sessions = new SessionStoreHarness();
        var introduced = await UpgradedAnHourAgoAsync(sessions);
        sessions.Clock.Advance(introduced.AddHours(12) - sessions.Now);

        var key = sessions.Store.NoteLegacyCookie("too-late", SessionStoreHarness.Ticket("sub-1", issued: introduced.AddHours(-1), expires: introduced.AddDays(3)));

        Assert.Null(await sessions.Store.RetrieveAsync(key));
        Assert.Empty(await sessions.RowsAsync());
        Assert.Contains(sessions.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.StartsWith("Refused a cookie from before server sessions: adoption is closed for it.", StringComparison.Ordinal));
        Assert.DoesNotContain(sessions.Logs.Entries, e => e.Text.StartsWith("Adopted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATicketIssuedAtTheUpgradeOrWithoutAnIssueDateOrASubjectIsNotAdopted()
    {
        using var sessions = new SessionStoreHarness();
        var introduced = await UpgradedAnHourAgoAsync(sessions);

        var atTheUpgrade = sessions.Store.NoteLegacyCookie("at-the-upgrade", SessionStoreHarness.Ticket("sub-1", issued: introduced));
        var undated = sessions.Store.NoteLegacyCookie("undated", SessionStoreHarness.Ticket("sub-1"));
        var nobody = sessions.Store.NoteLegacyCookie("nobody", SessionStoreHarness.Ticket(subject: null, issued: introduced.AddHours(-1)));

        Assert.Null(await sessions.Store.RetrieveAsync(atTheUpgrade));
        Assert.Null(await sessions.Store.RetrieveAsync(undated));
        Assert.Null(await sessions.Store.RetrieveAsync(nobody));
        Assert.Empty(await sessions.RowsAsync());
        Assert.Equal(3, sessions.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Text.StartsWith("Refused a cookie", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ADatabaseWithoutTheUpgradeMilestoneAdoptsNothing()
    {
        using var sessions = new SessionStoreHarness();

        var key = sessions.Store.NoteLegacyCookie("old-cookie", SessionStoreHarness.Ticket("sub-1", issued: sessions.Now.AddHours(-1)));

        Assert.Null(await sessions.Store.RetrieveAsync(key));
        Assert.Empty(await sessions.RowsAsync());
    }

    [Fact]
    public async Task ASignedOutOldCookieIsNotAdoptedAgainOnAnotherInstance()
    {
        using var sessions = new SessionStoreHarness();
        var introduced = await UpgradedAnHourAgoAsync(sessions);
        var old = SessionStoreHarness.Ticket("sub-1", issued: introduced.AddHours(-1));
        var key = sessions.Store.NoteLegacyCookie("old-cookie", old);
        Assert.NotNull(await sessions.Store.RetrieveAsync(key));
        await sessions.Store.RemoveAsync(key);

        // After a restart, or on another server, the same cookie arrives again.
        using var other = sessions.NewInstance();
        Assert.Equal(key, other.NoteLegacyCookie("old-cookie", old));

        Assert.Null(await other.RetrieveAsync(key));
        var row = Assert.Single(await sessions.RowsAsync());
        Assert.NotNull(row.EndedAt);
    }

    [Fact]
    public async Task AnOldCookieNotNotedInThisRequestIsNotAdopted()
    {
        using var sessions = new SessionStoreHarness();
        var introduced = await UpgradedAnHourAgoAsync(sessions);
        var key = sessions.Store.NoteLegacyCookie("old-cookie", SessionStoreHarness.Ticket("sub-1", issued: introduced.AddHours(-1)));
        using var other = sessions.NewInstance();

        Assert.Null(await other.RetrieveAsync(key));
        Assert.Empty(await sessions.RowsAsync());
    }

    [Fact]
    public async Task TheCookieFormatReadsASessionCookieOnceAndRemembersIt()
    {
        using var sessions = new SessionStoreHarness();
        var (format, inner) = Format(sessions);
        var cookie = format.Protect(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionIdClaim, "key")], "test")), CookieAuthenticationDefaults.AuthenticationScheme));

        var first = format.Unprotect(cookie);
        var second = format.Unprotect(cookie);

        Assert.Equal("key", first?.Principal.FindFirstValue(SessionIdClaim));
        Assert.Same(first, second);
        Assert.Equal(1, inner.Reads);
    }

    [Fact]
    public async Task TheCookieFormatNotesAnOldWholeTicketCookieOnEveryReadUnderItsAdoptionKey()
    {
        using var sessions = new SessionStoreHarness();
        var introduced = await UpgradedAnHourAgoAsync(sessions);
        var (format, inner) = Format(sessions);
        var cookie = format.Protect(SessionStoreHarness.Ticket("sub-1", issued: introduced.AddHours(-1)));

        var read = format.Unprotect(cookie);
        format.Unprotect(cookie);

        var key = Assert.Single(read!.Principal.Claims, c => c.Type == SessionIdClaim).Value;
        Assert.Single(read.Principal.Claims);
        Assert.Equal(introduced.AddHours(-1), read.Properties.IssuedUtc?.UtcDateTime);
        Assert.Equal(2, inner.Reads);
        Assert.Equal("sub-1", (await sessions.Store.RetrieveAsync(key))?.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public async Task TheCookieFormatPassesATicketWithNeitherASessionKeyNorASubjectThrough()
    {
        using var sessions = new SessionStoreHarness();
        await UpgradedAnHourAgoAsync(sessions);
        var (format, _) = Format(sessions);
        var cookie = format.Protect(SessionStoreHarness.Ticket(subject: null, name: "Hanne", issued: sessions.Now.AddHours(-2)));

        var read = format.Unprotect(cookie);

        Assert.Equal(ClaimTypes.Name, Assert.Single(read!.Principal.Claims).Type);
    }

    [Fact]
    public void TheCookieFormatLeavesAMissingTextAndAPurposeBoundOneToTheInnerFormat()
    {
        using var sessions = new SessionStoreHarness();
        var (format, _) = Format(sessions);
        var bound = format.Protect(SessionStoreHarness.Ticket("sub-1"), "purpose");

        Assert.Null(format.Unprotect(null));
        Assert.Equal("sub-1", format.Unprotect(bound, "purpose")?.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public void OnlyTheCookieSchemesFormatIsWrappedAndOnlyOnce()
    {
        using var sessions = new SessionStoreHarness();
        var adopt = new AdoptLegacyCookies(sessions.Store);
        var other = new CookieAuthenticationOptions { TicketDataFormat = new CountingFormat(Protector(sessions)) };
        var original = other.TicketDataFormat;
        var (format, _) = Format(sessions);
        var cookies = new CookieAuthenticationOptions { TicketDataFormat = format };

        adopt.PostConfigure("Other", other);
        adopt.PostConfigure(CookieAuthenticationDefaults.AuthenticationScheme, cookies);

        Assert.Same(original, other.TicketDataFormat);
        Assert.Same(format, cookies.TicketDataFormat);
    }

    private static async Task<DateTime> UpgradedAnHourAgoAsync(SessionStoreHarness sessions)
    {
        var at = sessions.Now.AddHours(-1);
        await using var db = sessions.Database.NewContext();
        await db.Milestones.Where(m => m.Name == Milestone.ServerSessionsIntroduced).ExecuteDeleteAsync();
        db.Milestones.Add(new Milestone { Name = Milestone.ServerSessionsIntroduced, At = at });
        await db.SaveChangesAsync();
        return at;
    }

    private static IDataProtector Protector(SessionStoreHarness sessions) =>
        sessions.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("SessionAdoptionTests");

    /// <summary>The cookie scheme's data format as the app wraps it, around an inner format that counts its reads.</summary>
    private static (ISecureDataFormat<AuthenticationTicket> Format, CountingFormat Inner) Format(SessionStoreHarness sessions)
    {
        var inner = new CountingFormat(Protector(sessions));
        var options = new CookieAuthenticationOptions { TicketDataFormat = inner };
        new AdoptLegacyCookies(sessions.Store).PostConfigure(CookieAuthenticationDefaults.AuthenticationScheme, options);
        Assert.NotSame(inner, options.TicketDataFormat);
        return (options.TicketDataFormat, inner);
    }

    /// <summary>The real ticket format, counting how often a cookie is decrypted.</summary>
    private sealed class CountingFormat(IDataProtector protector) : ISecureDataFormat<AuthenticationTicket>
    {
        private readonly TicketDataFormat _real = new(protector);

        public int Reads { get; private set; }

        public string Protect(AuthenticationTicket data) => _real.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => _real.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            return _real.Unprotect(protectedText, purpose);
        }
    }
}
