using System.Net;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Security.Sessions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// Back-channel logout against a provider whose logout tokens the tests mint: a good token ends the
/// sessions it names and nothing else; every bad one is refused and ends nothing.
/// </summary>
public sealed class BackChannelLogoutTests : OidcPortalTests
{
    [Fact]
    public async Task ALogoutTokenForASidEndsThatSessionOnly()
    {
        using var ended = await SignInAsync("hanne", sid: "sid-1");
        using var otherBrowser = await SignInAsync("hanne", sid: "sid-2");

        var response = await PostAsync(Issuer.MintLogout(sid: "sid-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.StartsWith(Issuer.Issuer + "/authorize", (await TokenIssuer.ChallengeAsync(ended, "/admin")).Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await otherBrowser.GetAsync("/admin")).StatusCode);
        Assert.Contains("Back-channel logout from " + Issuer.Issuer, Logs.All);
    }

    [Fact]
    public async Task ALogoutTokenWithASidAndNoSubEndsThatSession()
    {
        using var ended = await SignInAsync("hanne", sid: "sid-1");
        using var otherBrowser = await SignInAsync("hanne", sid: "sid-2");

        var response = await PostAsync(Issuer.MintLogout(sid: "sid-1", subject: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ended.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherBrowser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task ALogoutTokenWithoutExpIsAccepted()
    {
        // exp is optional in a logout token (Back-Channel Logout 1.0, 2.4); iat bounds its age.
        using var ended = await SignInAsync("hanne", sid: "sid-1");

        var response = await PostAsync(Issuer.MintLogout(sid: "sid-1", change: d => d.Expires = null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ended.GetAsync("/admin")).StatusCode);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public async Task ALogoutTokenIssuedExactlyMaxAgeFromNowIsAccepted(int direction)
    {
        // The clock on whole seconds, as iat is, so iat lands exactly on the bound.
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Portal.WithServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));
        var issuedAt = (now + (direction * BackChannelLogout.MaxAge)).UtcDateTime;

        var response = await PostAsync(Issuer.MintLogout(sid: "sid-1", change: d =>
            (d.IssuedAt, d.NotBefore, d.Expires) = (issuedAt, null, DateTime.UtcNow.AddMinutes(10))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UsedTokensPastTheirKeepTimeAreForgottenAndOneExactlyAtItIsKept()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Portal.WithServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));
        _ = Portal.Services;
        await using (var db = Portal.Database.NewContext())
        {
            db.UsedLogoutTokens.Add(new UsedLogoutToken { Id = "PAST", ExpiresAt = now.UtcDateTime.AddSeconds(-1) });
            db.UsedLogoutTokens.Add(new UsedLogoutToken { Id = "AT-NOW", ExpiresAt = now.UtcDateTime });
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Issuer.MintLogout(sid: "sid-1", change: d => d.IssuedAt = now.UtcDateTime))).StatusCode);

        await using var check = Portal.Database.NewContext();
        var left = await check.UsedLogoutTokens.Select(t => t.Id).ToListAsync();
        Assert.DoesNotContain("PAST", left);
        Assert.Contains("AT-NOW", left);
        Assert.Equal(2, left.Count);
    }

    [Fact]
    public async Task ALogoutTokenPostedAsJsonIsRefused()
    {
        using var browser = await SignInAsync("hanne", sid: "sid-1");
        using var provider = Portal.CreatePlainClient();

        var response = await provider.PostAsync("/signout-backchannel", System.Net.Http.Json.JsonContent.Create(new Dictionary<string, string>
        {
            ["logout_token"] = Issuer.MintLogout(sid: "sid-1"),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("refused: no logout_token", Logs.All);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task ASecondSignInInTheSameBrowserGetsASessionOfItsOwnWhichItsLogoutEnds()
    {
        // A shared PC: Mette signs in, then Hanne in the same browser, over Mette's cookie.
        using var browser = await SignInAsync("mette", sid: "sid-mette");
        await SignInAsync("hanne", sid: "sid-hanne", browser);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);

        var response = await PostAsync(Issuer.MintLogout(sid: "sid-hanne"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
        await using var db = Portal.Database.NewContext();
        var sessions = await db.UserSessions.OrderBy(s => s.CreatedAt).Select(s => new { s.Subject, s.ProviderSessionId, Ended = s.EndedAt != null }).ToListAsync();
        Assert.Equal(2, sessions.Count);
        Assert.Equal(("mette", "sid-mette", true), (sessions[0].Subject, sessions[0].ProviderSessionId, sessions[0].Ended));
        Assert.Equal(("hanne", "sid-hanne", true), (sessions[1].Subject, sessions[1].ProviderSessionId, sessions[1].Ended));
    }

    [Fact]
    public async Task ALogoutTokenWithOnlyASubEndsEveryOneOfThatUsersSessions()
    {
        using var first = await SignInAsync("hanne", sid: "sid-1");
        using var second = await SignInAsync("hanne", sid: "sid-2");
        using var colleague = await SignInAsync("mette", sid: "sid-3");

        var response = await PostAsync(Issuer.MintLogout(sid: null, subject: "hanne"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/medarbejdergrundlag")).StatusCode);
    }

    [Fact]
    public async Task AnEmptySidCountsAsNoSidAndEndsEveryOneOfThatUsersSessions()
    {
        using var first = await SignInAsync("hanne", sid: "sid-1");
        using var second = await SignInAsync("hanne", sid: "sid-2");
        using var colleague = await SignInAsync("mette", sid: "sid-3");

        var response = await PostAsync(Issuer.MintLogout(sid: "", subject: "hanne"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/medarbejdergrundlag")).StatusCode);
    }

    [Fact]
    public async Task SigningOutEverywhereEndsTheUsersCalendarLinksAndOneBrowsersSignOutDoesNot()
    {
        var links = Portal.Services.GetRequiredService<Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb.CalendarFeedLinks>();
        System.Security.Claims.ClaimsPrincipal Reader(string subject) => new(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, subject)], "test"));
        using var hanne = await SignInAsync("hanne", sid: "sid-1");
        var (hannesLink, _) = await links.TokenAsync(Reader("hanne"), "");
        var (mettesLink, _) = await links.TokenAsync(Reader("mette"), "");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Issuer.MintLogout(sid: "sid-1"))).StatusCode);
        Assert.True(await links.OpensAsync(hannesLink, ""), "One browser's sign-out should leave the calendar link alone.");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Issuer.MintLogout(sid: null, subject: "hanne"))).StatusCode);
        Assert.False(await links.OpensAsync(hannesLink, ""), "Signed out everywhere, the calendar link should stop working.");
        Assert.True(await links.OpensAsync(mettesLink, ""));
    }

    [Fact]
    public async Task AReplayedLogoutTokenIsRefused()
    {
        var token = Issuer.MintLogout(sid: "sid-1");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(token)).StatusCode);
        using var signedInAgain = await SignInAsync("hanne", sid: "sid-1");

        var replay = await PostAsync(token);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("was used before (a replay)", Logs.All);
        Assert.Equal(HttpStatusCode.OK, (await signedInAgain.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task ALogoutTokenUsedOnOneInstanceIsRefusedOnAnother()
    {
        var token = Issuer.MintLogout(sid: "sid-1");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(token)).StatusCode);
        var otherLogs = new LogCapture();
        using var other = TokenIssuer.Portal(Issuer.Issuer, otherLogs, database: Portal.Database);
        using var provider = other.CreatePlainClient();

        var replay = await provider.PostAsync("/signout-backchannel", new FormUrlEncodedContent(new Dictionary<string, string> { ["logout_token"] = token }));

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("was used before (a replay)", otherLogs.All);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "unsigned", "SecurityTokenInvalidSignatureException" },
        { "unknown key", "SecurityTokenSignatureKeyNotFoundException" },
        { "other audience", "SecurityTokenInvalidAudienceException" },
        { "other issuer", "SecurityTokenInvalidIssuerException" },
        { "expired", "SecurityTokenExpiredException" },
        { "old iat", "is too far from now" },
        { "iat ahead", "is too far from now" },
        { "no iat", "no iat" },
        { "no event", "no back-channel logout event" },
        { "another event", "no back-channel logout event" },
        { "event not an object", "no back-channel logout event" },
        { "nonce", "must not carry a nonce" },
        { "no jti", "no jti" },
        { "empty jti", "no jti" },
        { "events not JSON", "no back-channel logout event" },
        { "neither sid nor sub", "neither sid nor sub" },
        { "empty sid, no sub", "neither sid nor sub" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task ABadLogoutTokenIsRefusedAndEndsNothing(string what, string logged)
    {
        using var browser = await SignInAsync("hanne", sid: "sid-1");
        var token = what switch
        {
            "unsigned" => Unsigned(Issuer.MintLogout(sid: "sid-1")),
            "unknown key" => Issuer.MintLogout(sid: "sid-1", change: d => d.SigningCredentials = new(TokenIssuer.NewKey(), SecurityAlgorithms.RsaSha256)),
            "other audience" => Issuer.MintLogout(sid: "sid-1", change: d => d.Audience = "another-application"),
            "other issuer" => Issuer.MintLogout(sid: "sid-1", change: d => d.Issuer = "https://login.example.test"),
            "expired" => Issuer.MintLogout(sid: "sid-1", change: d => (d.IssuedAt, d.NotBefore, d.Expires) = (DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1))),
            "old iat" => Issuer.MintLogout(sid: "sid-1", change: d => (d.IssuedAt, d.NotBefore, d.Expires) = (DateTime.UtcNow.AddMinutes(-30), DateTime.UtcNow.AddMinutes(-30), DateTime.UtcNow.AddMinutes(5))),
            "iat ahead" => Issuer.MintLogout(sid: "sid-1", change: d => (d.IssuedAt, d.Expires) = (DateTime.UtcNow.AddMinutes(30), DateTime.UtcNow.AddMinutes(35))),
            "no iat" => Issuer.MintLogout(sid: "sid-1", change: d => d.IssuedAt = null),
            "no event" => Issuer.MintLogout(sid: "sid-1", change: d => d.Claims.Remove("events")),
            "another event" => Issuer.MintLogout(sid: "sid-1", change: d => d.Claims["events"] = new Dictionary<string, object> { ["http://schemas.openid.net/event/backchannel-logout-not"] = new Dictionary<string, object>() }),
            "event not an object" => Issuer.MintLogout(sid: "sid-1", change: d => d.Claims["events"] = new Dictionary<string, object> { ["http://schemas.openid.net/event/backchannel-logout"] = "logout" }),
            "nonce" => Issuer.MintLogout(sid: "sid-1", change: d => d.Claims["nonce"] = "n-0S6_WzA2Mj"),
            "no jti" => Issuer.MintLogout(sid: "sid-1", change: d => d.Claims.Remove("jti")),
            "empty jti" => Issuer.MintLogout(sid: "sid-1", change: d => d.Claims["jti"] = ""),
            "events not JSON" => Issuer.MintLogout(sid: "sid-1", change: d => d.Claims["events"] = "logout"),
            "neither sid nor sub" => Issuer.MintLogout(sid: null, subject: null),
            "empty sid, no sub" => Issuer.MintLogout(sid: "", subject: null),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        var response = await PostAsync(token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"error\":\"invalid_request\"}", await response.Content.ReadAsStringAsync());
        Assert.Contains(logged, Logs.All);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task ARequestWithoutALogoutTokenIsRefused()
    {
        using var client = Portal.CreatePlainClient();

        var response = await client.PostAsync("/signout-backchannel", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("refused: no logout_token", Logs.All);
    }

    /// <summary>The same claims with "alg":"none" and no signature, as an attacker would send them.</summary>
    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"logout+jwt\"}");
        return $"{header}.{parts[1]}.";
    }

    private async Task<HttpResponseMessage> PostAsync(string logoutToken)
    {
        using var provider = Portal.CreatePlainClient();
        return await provider.PostAsync("/signout-backchannel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["logout_token"] = logoutToken,
        }));
    }

    private async Task<HttpClient> SignInAsync(string subject, string sid, HttpClient? browser = null)
    {
        var client = browser ?? Portal.CreatePlainClient();
        // A browser already signed in asks for the municipality's sign-in itself, as "Log ind" does.
        var challenge = browser is null ? await TokenIssuer.ChallengeAsync(client, "/") : await client.GetAsync("/konto/log-ind?handler=Kommune&returnUrl=%2F");
        var query = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        var idToken = Issuer.Mint(query["nonce"]!, subject: subject, change: d => d.Claims["sid"] = sid);
        var code = Issuer.IssueCode(idToken, query["code_challenge"]!);
        var callback = await client.GetAsync($"/signin-oidc?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
        return client;
    }
}
