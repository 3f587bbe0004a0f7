using System.Diagnostics;
using System.Net;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Security.Sessions;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// Sessions live on the server: the cookie is a key, so ending the session ends every copy of the
/// cookie, on every instance and after a restart, and no use keeps a session past its absolute end.
/// </summary>
public sealed class SessionTests
{
    [Fact]
    public async Task TheCookieCarriesOnlyASessionKeyNotTheUser()
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreateCookielessClient();

        var cookie = (await PersonaSignIn.SessionCookieAsync(browser, "hr-redaktoer")).Split('=', 2)[1];

        var ticket = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat.Unprotect(cookie);
        var claim = Assert.Single(ticket!.Principal.Claims);
        Assert.Equal("Microsoft.AspNetCore.Authentication.Cookies-SessionId", claim.Type);
        Assert.DoesNotContain("Hanne", claim.Value);
    }

    [Fact]
    public async Task ACopiedCookieIsRefusedAfterSignOut()
    {
        using var factory = new PortalFactory();
        using var editor = factory.CreateCookielessClient();
        var copied = await PersonaSignIn.SessionCookieAsync(editor, "hr-redaktoer");
        using var thief = factory.CreateCookielessClient();
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(thief, "/admin", copied)).StatusCode);

        await SignOutAsync(editor, copied);

        var replayed = await GetWithCookieAsync(thief, "/admin", copied);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Equal("/konto/log-ind", replayed.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task SigningInOverAnotherUsersSessionMakesANewKeyAndTheEarlierCookieIsDead()
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreateCookielessClient();
        var employee = await PersonaSignIn.SessionCookieAsync(browser, "medarbejder");

        // An HR editor signs in on the same browser, which still sends the employee's cookie.
        var editor = await PersonaSignIn.SessionCookieAsync(browser, "hr-redaktoer", signedInAs: employee);

        Assert.NotEqual(employee, editor);
        using var copy = factory.CreateCookielessClient();
        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync(copy, "/admin", employee)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync(copy, "/medarbejdergrundlag", employee)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(browser, "/admin", editor)).StatusCode);
        await using var db = factory.Database.NewContext();
        var sessions = await db.UserSessions.OrderBy(s => s.CreatedAt).Select(s => new { s.Subject, Ended = s.EndedAt != null }).ToListAsync();
        Assert.Equal(2, sessions.Count);
        Assert.Equal(("persona:medarbejder", true), (sessions[0].Subject, sessions[0].Ended));
        Assert.Equal(("persona:hr-redaktoer", false), (sessions[1].Subject, sessions[1].Ended));
    }

    [Fact]
    public async Task ARenewalWithAnotherUsersTicketIsRefusedAndEndsTheSession()
    {
        using var factory = new PortalFactory();
        using var employee = await factory.SignedInClientAsync();
        var store = factory.Services.GetRequiredService<SessionStore>();
        string id;
        await using (var db = factory.Database.NewContext())
        {
            id = await db.UserSessions.Select(s => s.Id).SingleAsync();
        }

        var key = await store.StoreAsync(Ticket("persona:medarbejder"));
        Assert.NotNull(await store.RetrieveAsync(key));

        await store.RenewAsync(key, Ticket("persona:hr-redaktoer"));

        Assert.Null(await store.RetrieveAsync(key));
        await using (var db = factory.Database.NewContext())
        {
            Assert.NotNull(await db.UserSessions.Where(s => s.Id == SessionStore.IdOf(key)).Select(s => s.EndedAt).SingleAsync());
            Assert.Null(await db.UserSessions.Where(s => s.Id == id).Select(s => s.EndedAt).SingleAsync());
        }

        static Microsoft.AspNetCore.Authentication.AuthenticationTicket Ticket(string subject) => new(
            new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, subject)], "test")),
            CookieAuthenticationDefaults.AuthenticationScheme);
    }

    [Fact]
    public async Task EndingOtherSessionsAfterSigningInOverAnotherUserActsOnTheNewUsersSessions()
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreateCookielessClient();
        using var employeeElsewhere = await factory.SignedInClientAsync("medarbejder");
        using var editorElsewhere = await factory.SignedInClientAsync("hr-redaktoer");
        var employee = await PersonaSignIn.SessionCookieAsync(browser, "medarbejder");
        var editor = await PersonaSignIn.SessionCookieAsync(browser, "hr-redaktoer", signedInAs: employee);

        var form = await GetWithCookieAsync(browser, "/konto/sessioner", editor);
        var list = Html.Parse(await form.Content.ReadAsStringAsync());
        // The editor's sessions: this browser's (current) and the other one; none of the employee's.
        Assert.Equal(2, list.QuerySelectorAll("tr[data-session]").Length);
        Assert.Single(list.QuerySelectorAll("tr[data-session=current]"));
        var antiforgery = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("mg.af=", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/konto/sessioner?handler=Andre")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = PortalFactory.AntiforgeryTokenFrom(await form.Content.ReadAsStringAsync()),
            }),
            Headers = { { "Cookie", editor + "; " + antiforgery } },
        };
        var ended = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await editorElsewhere.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await employeeElsewhere.GetAsync("/medarbejdergrundlag")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(browser, "/admin", editor)).StatusCode);
    }

    [Fact]
    public async Task ASignedOutSessionStaysEndedAfterARestartAndALiveOneSurvivesIt()
    {
        using var database = PortalDatabase.Create();
        string endedCookie, liveCookie;
        using (var before = new PortalFactory(database))
        {
            using var browser = before.CreateCookielessClient();
            endedCookie = await PersonaSignIn.SessionCookieAsync(browser, "hr-redaktoer");
            liveCookie = await PersonaSignIn.SessionCookieAsync(browser, "hr-redaktoer");
            await SignOutAsync(browser, endedCookie);
        }

        using var after = new PortalFactory(database);
        using var client = after.CreateCookielessClient();

        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync(client, "/admin", endedCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(client, "/admin", liveCookie)).StatusCode);
    }

    [Trait(Needs.Trait, Needs.Postgres)]
    [Fact]
    public async Task OnPostgresACopiedCookieIsRefusedOnASecondInstanceWithinTwoSeconds()
    {
        using var database = PortalDatabase.Create(ContentDatabase.Postgres);
        using var a = new PortalFactory(database);
        using var editor = a.CreateCookielessClient();
        var copied = await PersonaSignIn.SessionCookieAsync(editor, "hr-redaktoer");
        using var b = new PortalFactory(database);
        using var thief = b.CreateCookielessClient();
        // The second instance has read the session and holds it in memory.
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(thief, "/admin", copied)).StatusCode);

        await SignOutAsync(editor, copied);
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            status = (await GetWithCookieAsync(thief, "/admin", copied)).StatusCode;
        }
        while (status == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"The second instance refused the cookie after {clock.ElapsedMilliseconds} ms.");
    }

    [Fact]
    public async Task ASessionRowKeepsItsSubjectBrowserAndBothEndsCutToTheirColumns()
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreateCookielessClient();
        var agent = "Mozilla/5.0 " + new string('x', 400);
        Assert.True(browser.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", agent));

        await PersonaSignIn.SessionCookieAsync(browser, "hr-redaktoer");

        await using var db = factory.Database.NewContext();
        var session = await db.UserSessions.SingleAsync();
        Assert.Equal("persona:hr-redaktoer", session.Subject);
        Assert.Equal("Hanne HR-redaktør", session.DisplayName);
        Assert.Equal(agent[..300], session.UserAgent);
        Assert.Null(session.EndedAt);
        // Sliding for eight hours, and never past twelve from the sign-in however it is used.
        Assert.Equal(TimeSpan.FromHours(12), session.AbsoluteExpiresAt - session.CreatedAt);
        Assert.InRange(session.ExpiresAt - session.CreatedAt, TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task SessionsAreReadFromMemoryNotFromTheDatabaseOnEveryRequest()
    {
        using var factory = new PortalFactory();
        using var employee = await factory.SignedInClientAsync();
        await using (var db = factory.Database.NewContext())
        {
            // Were a request to read the session row, this would sign the employee out.
            Assert.Equal(1, await db.UserSessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.Subject, "someone-else")));
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/medarbejdergrundlag")).StatusCode);
        }

        Assert.Equal(1, factory.Services.GetRequiredService<SessionStore>().CachedCount);
    }

    [Fact]
    public async Task TheAbsoluteLifetimeEndsASessionUsedEveryHour()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new PortalFactory();
        factory.WithServices(services => services.AddSingleton<TimeProvider>(clock));
        using var employee = await factory.SignedInClientAsync();

        for (var hour = 1; hour < 12; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            Assert.True((await employee.GetAsync("/medarbejdergrundlag")).StatusCode == HttpStatusCode.OK, $"Refused after {hour} hours.");
        }

        clock.Advance(TimeSpan.FromHours(1));
        var afterTwelve = await employee.GetAsync("/medarbejdergrundlag");

        Assert.Equal(HttpStatusCode.Redirect, afterTwelve.StatusCode);
        Assert.Equal("/konto/log-ind", afterTwelve.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task TheAbsoluteLifetimeIsConfigurable()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new PortalFactory();
        factory.With("Authentication:Session:AbsoluteLifetime", "02:00:00");
        factory.WithServices(services => services.AddSingleton<TimeProvider>(clock));
        using var employee = await factory.SignedInClientAsync();

        clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await employee.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task AnEditorSeesTheirSessionsAndEndsTheOthers()
    {
        using var factory = new PortalFactory();
        using var here = await factory.SignedInClientAsync("hr-redaktoer");
        using var elsewhere = await factory.SignedInClientAsync("hr-redaktoer");
        using var colleague = await factory.SignedInClientAsync("leder");

        var page = await here.GetDocumentAsync("/konto/sessioner");
        Assert.Equal(2, page.QuerySelectorAll("tr[data-session]").Length);
        Assert.Single(page.QuerySelectorAll("tr[data-session=current]"));
        var token = await PortalFactory.AntiforgeryTokenAsync(here, "/konto/sessioner");

        var ended = await here.PostAsync("/konto/sessioner?handler=Andre", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var after = await here.GetDocumentAsync("/konto/sessioner");
        Assert.Equal("1 anden session er afsluttet.", after.QuerySelector("[role=status]")?.Text());
        Assert.Single(after.QuerySelectorAll("tr[data-session]"));
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/til-ledere")).StatusCode);
    }

    [Fact]
    public async Task ACookieFromBeforeServerSessionsKeepsWorkingUntilItsSessionIsEnded()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "first-version");
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.sqlite.json")));
        var oldCookie = manifest.RootElement.GetProperty("editorCookie").GetString()!;
        var madeAt = DateTimeOffset.Parse(manifest.RootElement.GetProperty("madeAtUtc").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var database = await PortalDatabase.FromFixtureAsync(ContentDatabase.Sqlite, Path.Combine(folder, "legacy.sqlite.db"), Path.Combine(folder, "legacy.postgres.sql"));
        using var factory = new PortalFactory(database, ownsDatabase: true)
            .WithServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(madeAt.AddHours(1))));
        using var editor = factory.CreateCookielessClient();
        using var thief = factory.CreateCookielessClient();
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(thief, "/admin", oldCookie)).StatusCode);

        await SignOutAsync(editor, oldCookie);

        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync(thief, "/admin", oldCookie)).StatusCode);
    }

    [Fact]
    public async Task AForgedWholeTicketCookieIsNotAdoptedOnADatabaseMadeWithServerSessions()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateCookielessClient();
        // What anyone who can read the key ring could make: an editor's ticket, issued an hour ago.
        var forged = ForgeWholeTicketCookie(factory.Services, DateTimeOffset.UtcNow.AddHours(-1));

        var response = await GetWithCookieAsync(client, "/admin", "mg.session=" + forged);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.Database.NewContext();
        Assert.Equal(0, await db.UserSessions.CountAsync());
    }

    [Fact]
    public async Task AfterTheUpgradeOldCookiesAreAdoptedForOneAbsoluteLifetimeAndOnlyIfIssuedBeforeIt()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "first-version");
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.sqlite.json")));
        var oldCookie = manifest.RootElement.GetProperty("editorCookie").GetString()!;
        var madeAt = DateTimeOffset.Parse(manifest.RootElement.GetProperty("madeAtUtc").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var clock = new FakeTimeProvider(madeAt.AddHours(1));
        var database = await PortalDatabase.FromFixtureAsync(ContentDatabase.Sqlite, Path.Combine(folder, "legacy.sqlite.db"), Path.Combine(folder, "legacy.postgres.sql"));
        using var factory = new PortalFactory(database, ownsDatabase: true)
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        using var client = factory.CreateCookielessClient();
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(client, "/admin", oldCookie)).StatusCode);
        await using (var db = database.NewContext())
        {
            Assert.Equal(clock.GetUtcNow().UtcDateTime, (await db.Milestones.SingleAsync()).At, TimeSpan.FromSeconds(1));
        }

        // Issued after the upgrade: no such cookie can be genuine.
        var forged = ForgeWholeTicketCookie(factory.Services, clock.GetUtcNow().AddMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync(client, "/admin", "mg.session=" + forged)).StatusCode);

        // One absolute lifetime after the upgrade, not even a cookie issued before it (and not yet
        // expired by its own dates) is adopted.
        var early = ForgeWholeTicketCookie(factory.Services, madeAt.AddHours(-1), TimeSpan.FromDays(3));
        clock.Advance(TimeSpan.FromHours(12));
        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync(client, "/admin", "mg.session=" + early)).StatusCode);
    }

    private static string ForgeWholeTicketCookie(IServiceProvider services, DateTimeOffset issued, TimeSpan? lifetime = null)
    {
        var principal = Medarbejdergrundlag.Web.Security.Persona.Find("hr-redaktoer")!.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme);
        var properties = new Microsoft.AspNetCore.Authentication.AuthenticationProperties { IssuedUtc = issued, ExpiresUtc = issued + (lifetime ?? TimeSpan.FromHours(8)) };
        var ticket = new Microsoft.AspNetCore.Authentication.AuthenticationTicket(principal, properties, CookieAuthenticationDefaults.AuthenticationScheme);
        return services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat.Protect(ticket);
    }

    [Fact]
    public async Task AServerSessionFromThePreviousMainIsEndedBySigningOutAfterTheUpgrade()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "previous-main");
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.sqlite.json")));
        var editorCookie = manifest.RootElement.GetProperty("editorCookie").GetString()!;
        var employeeCookie = manifest.RootElement.GetProperty("employeeCookie").GetString()!;
        var madeAt = DateTimeOffset.Parse(manifest.RootElement.GetProperty("madeAtUtc").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var database = await PortalDatabase.FromFixtureAsync(ContentDatabase.Sqlite, Path.Combine(folder, "previous-main.sqlite.db"), Path.Combine(folder, "previous-main.postgres.sql"));
        using var factory = new PortalFactory(database, ownsDatabase: true)
            .WithServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(madeAt.AddHours(1))));
        using var editor = factory.CreateCookielessClient();
        using var thief = factory.CreateCookielessClient();
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(thief, "/admin", editorCookie)).StatusCode);

        await SignOutAsync(editor, editorCookie);

        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync(thief, "/admin", editorCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(thief, "/medarbejdergrundlag", employeeCookie)).StatusCode);
        await using var db = database.NewContext();
        Assert.Single(await db.UserSessions.Where(s => s.EndedAt != null).Select(s => s.Subject).ToListAsync(), "persona:hr-redaktoer");
    }

    [Fact]
    public async Task TheSessionsPageAsksAnAnonymousReaderToSignIn()
    {
        using var factory = new PortalFactory();
        using var anonymous = factory.CreatePlainClient();

        var response = await anonymous.GetAsync("/konto/sessioner");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/log-ind", response.Headers.Location!.AbsolutePath);
    }

    internal static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Cookie", cookie } } };
        return await client.SendAsync(request);
    }

    /// <summary>Signs out as a browser holding <paramref name="session"/> does: the form, its token, the POST.</summary>
    internal static async Task SignOutAsync(HttpClient client, string session)
    {
        var form = await GetWithCookieAsync(client, "/konto/log-ud", session);
        var antiforgery = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("mg.af=", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/konto/log-ud")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = PortalFactory.AntiforgeryTokenFrom(await form.Content.ReadAsStringAsync()),
            }),
            Headers = { { "Cookie", session + "; " + antiforgery } },
        };
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mg.session=;", StringComparison.Ordinal));
    }
}
