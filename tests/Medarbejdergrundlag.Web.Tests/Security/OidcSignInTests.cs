using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Medarbejdergrundlag.Web.Security.Sessions;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// The relying party against a provider whose tokens the tests mint with their own keys: the happy
/// path once, then every refusal the issue names. A refusal must end on the Danish error page with
/// no session, leave the reason in the log, and show the reader nothing of it.
/// </summary>
public sealed class OidcSignInTests : OidcPortalTests
{
    [Fact]
    public async Task AValidIdTokenSignsInAndReturnsToThePageFirstAskedFor()
    {
        using var client = Portal.CreatePlainClient("https://localhost");

        var authorize = await ChallengeAsync(client, "/admin");
        Assert.Equal("code", authorize.Query["response_type"]);
        Assert.Equal("S256", authorize.Query["code_challenge_method"]);
        Assert.Equal(TokenIssuer.ClientId, authorize.Query["client_id"]);
        Assert.Equal("https://localhost/signin-oidc", authorize.Query["redirect_uri"]);
        Assert.Contains("openid", authorize.Query["scope"].ToString().Split(' '));

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/admin", callback.Headers.Location!.OriginalString);
        Assert.Equal(1, Issuer.VerifiedPkceExchanges);
        var admin = await client.GetDocumentAsync("/admin");
        Assert.Equal("Hanne Hansen", admin.QuerySelector(".site-header__user")?.Text());
    }

    [Fact]
    public async Task TheSessionCookieHasTheHostPrefixUnderHttpsAndTheConfiguredLifetime()
    {
        Portal.With("Authentication:Session:Lifetime", "00:30:00");
        using var client = Portal.CreatePlainClient("https://localhost");
        var authorize = await ChallengeAsync(client, "/");

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce));

        var session = Assert.Single(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-mg.session", StringComparison.Ordinal));
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);

        var ticket = await SessionTicketAsync(session);
        Assert.Equal(TimeSpan.FromMinutes(30), ticket.Properties.ExpiresUtc - ticket.Properties.IssuedUtc);
    }

    [Fact]
    public async Task ClaimsAreMappedAndOnlyConfiguredGroupsBecomeRoles()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/");
        var idToken = Issuer.Mint(authorize.Nonce, subject: "mette", groups: ["ledere", "medarbejdere", "HR-REDAKTOERER"]);

        var callback = await CallbackAsync(client, authorize, idToken);

        var ticket = await SessionTicketAsync(Assert.Single(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mg.session=", StringComparison.Ordinal)));
        var user = ticket.Principal;
        Assert.Equal("mette", user.FindFirst(ClaimTypes.NameIdentifier)?.Value);
        Assert.Equal("Mette Madsen", user.Identity?.Name);
        Assert.Equal("mette@odense.example", user.FindFirst(ClaimTypes.Email)?.Value);
        Assert.Equal(["Leader"], user.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Equal(idToken, ticket.Properties.GetTokenValue("id_token"));
    }

    [Fact]
    public async Task AnEmployeeOutsideTheHrGroupIsSignedInButCannotOpenAdmin()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce, subject: "mette"));

        Assert.Equal("/admin", callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/medarbejdergrundlag")).StatusCode);
    }

    [Fact]
    public async Task WhereTheProviderAdvertisesIssAResponseWithoutItIsRefused()
    {
        Issuer.AdvertisesIssParameter = true;
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce));

        await AssertRefusedAsync(client, callback,
            "The authorization response carries no iss, though the provider advertises authorization_response_iss_parameter_supported (RFC 9207).");
    }

    [Fact]
    public async Task AnAuthorizationResponseFromAnotherIssuerIsRefusedAndTheRightOneAccepted()
    {
        Issuer.AdvertisesIssParameter = true;
        using var client = Portal.CreatePlainClient();
        var mixedUp = await ChallengeAsync(client, "/admin");
        var refused = await CallbackAsync(client, mixedUp, Issuer.Mint(mixedUp.Nonce), iss: "https://attacker.example");
        await AssertRefusedAsync(client, refused, "RFC 9207");

        var authorize = await ChallengeAsync(client, "/admin");
        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce), iss: Issuer.Issuer);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/admin", callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ATamperedStateIsRefused()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");
        var state = authorize.State;
        var tampered = state[..20] + (state[20] == 'A' ? 'B' : 'A') + state[21..];

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce), state: tampered);

        // Microsoft's handler words it "Unable to unprotect the message.State."; the hand-written one said "The oauth state was missing or invalid".
        await AssertRefusedAsync(client, callback, "Unable to unprotect the message.State");
    }

    [Fact]
    public async Task AStateFromAnotherBrowserIsRefused()
    {
        using var victim = Portal.CreatePlainClient();
        using var attacker = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(attacker, "/admin");

        // The victim's browser lacks the attacker's correlation cookie.
        var callback = await CallbackAsync(victim, authorize, Issuer.Mint(authorize.Nonce));

        await AssertRefusedAsync(victim, callback, "Correlation failed");
    }

    [Fact]
    public async Task AWrongNonceIsRefused()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");
        var otherNonce = DateTime.UtcNow.Ticks + "." + Convert.ToBase64String(Guid.NewGuid().ToByteArray());

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(otherNonce));

        await AssertRefusedAsync(client, callback, "OpenIdConnectProtocolInvalidNonceException");
    }

    [Fact]
    public async Task ATokenSignedByAnUnknownKeyIsRefused()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");
        var unknown = TokenIssuer.NewKey();

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce,
            change: d => d.SigningCredentials = new(unknown, "RS256")));

        await AssertRefusedAsync(client, callback, "SecurityTokenSignatureKeyNotFoundException");
    }

    [Fact]
    public async Task RotatedProviderKeysAreFetchedAgainAndAccepted()
    {
        using (var first = Portal.CreatePlainClient())
        {
            var warmUp = await ChallengeAsync(first, "/");
            Assert.Equal(HttpStatusCode.Redirect, (await CallbackAsync(first, warmUp, Issuer.Mint(warmUp.Nonce))).StatusCode);
        }

        Issuer.RotateKeys();
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");
        var keyReads = Issuer.JwksRequests;

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce));

        Assert.Equal("/admin", callback.Headers.Location!.OriginalString);
        Assert.True(Issuer.JwksRequests > keyReads, "The new key should have been read from the provider.");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task TheWrongAudienceIsRefused()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce, change: d => d.Audience = "another-application"));

        await AssertRefusedAsync(client, callback, "SecurityTokenInvalidAudienceException");
    }

    [Fact]
    public async Task AnotherIssuerIsRefused()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce, change: d => d.Issuer = "https://login.example.test"));

        await AssertRefusedAsync(client, callback, "SecurityTokenInvalidIssuerException");
    }

    [Fact]
    public async Task AnExpiredTokenIsRefused()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");
        var past = DateTime.UtcNow.AddHours(-2);

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce, change: d =>
        {
            d.IssuedAt = past;
            d.NotBefore = past;
            d.Expires = past.AddHours(1);
        }));

        await AssertRefusedAsync(client, callback, "SecurityTokenExpiredException");
    }

    [Fact]
    public async Task AMismatchedAtHashIsRefused()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");
        // at_hash binds the id_token to the access token issued with it; this one belongs to another.
        var otherAccessTokenHash = "x3kfl0ZJm0fGJ3Az4Dc2cw";

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce,
            change: d => d.Claims["at_hash"] = otherAccessTokenHash));

        await AssertRefusedAsync(client, callback, "OpenIdConnectProtocolInvalidAtHashException");
    }

    [Fact]
    public async Task ACallbackReplayedInTheSameBrowserIsRefused()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/");
        var code = Issuer.IssueCode(Issuer.Mint(authorize.Nonce), authorize.Query["code_challenge"]!);
        var url = $"/signin-oidc?code={code}&state={Uri.EscapeDataString(authorize.State)}";
        Assert.Equal("/", (await client.GetAsync(url)).Headers.Location!.OriginalString);

        // The correlation cookie was spent by the first use.
        var replay = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/konto/log-ind/fejl?ref=", replay.Headers.Location!.OriginalString);
        Assert.Contains("Correlation failed", Logs.All);
    }

    [Fact]
    public async Task ACallbackReplayedWithItsCookiesIsRefusedBecauseTheCodeIsSpent()
    {
        using var browser = Portal.CreateCookielessClient();
        var challenge = await TokenIssuer.ChallengeAsync(browser, "/admin");
        var authorize = Authorize.From(Issuer, challenge);
        var cookies = string.Join("; ", challenge.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var code = Issuer.IssueCode(Issuer.Mint(authorize.Nonce), authorize.Query["code_challenge"]!);
        var url = $"/signin-oidc?code={code}&state={Uri.EscapeDataString(authorize.State)}";
        using var first = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Cookie", cookies } } };
        Assert.Equal("/admin", (await browser.SendAsync(first)).Headers.Location!.OriginalString);

        // Someone who captured the whole callback, cookies and all, sends it again.
        using var attacker = Portal.CreateCookielessClient();
        using var replay = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Cookie", cookies } } };
        var response = await attacker.SendAsync(replay);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/log-ind/fejl?ref=", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("mg.session=", StringComparison.Ordinal) && !c.StartsWith("mg.session=;", StringComparison.Ordinal));
        Assert.Contains("invalid_grant", Logs.All);
        Assert.Equal(1, Issuer.VerifiedPkceExchanges);
    }

    [Fact]
    public async Task ALoginRefusedByTheProviderShowsTheDanishErrorPage()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");

        var callback = await client.GetAsync(
            $"/signin-oidc?error=access_denied&error_description=End-User+aborted+interaction&state={Uri.EscapeDataString(authorize.State)}");

        await AssertRefusedAsync(client, callback, "End-User aborted interaction");
    }

    [Fact]
    public async Task AProviderThatIsDownShowsTheDanishErrorPage()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var logs = new LogCapture();
        using var portal = TokenIssuer.Portal($"http://127.0.0.1:{closedPort}", logs);
        using var client = portal.CreatePlainClient();

        var response = await TokenIssuer.ChallengeAsync(client, "/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/log-ind/fejl?ref=", response.Headers.Location!.OriginalString);
        var html = await (await client.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("Log ind lykkedes ikke", html);
        Assert.DoesNotContain(closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.Contains($"127.0.0.1:{closedPort}/.well-known/openid-configuration", logs.All);
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/pejlemaerker/mod", "/pejlemaerker/mod")]
    public async Task OnlyALocalReturnUrlIsHonoured(string returnUrl, string expected)
    {
        using var client = Portal.CreatePlainClient();
        var antiforgery = await PortalFactory.AntiforgeryTokenAsync(client, "/konto/log-ind");
        var challenge = await client.PostAsync("/konto/log-ind?handler=Kommune", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = antiforgery,
        }));
        var authorize = Authorize.From(Issuer, challenge);

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(expected, callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOutEndsThePortalSessionAndSendsTheIdTokenToTheProvidersEndSession()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/");
        var idToken = Issuer.Mint(authorize.Nonce);
        await CallbackAsync(client, authorize, idToken);
        var antiforgery = await PortalFactory.AntiforgeryTokenAsync(client, "/konto/log-ud");

        var signOut = await client.PostAsync("/konto/log-ud", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var location = signOut.Headers.Location!;
        Assert.StartsWith(Issuer.Issuer + "/logout?", location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(idToken, query["id_token_hint"]);
        Assert.Equal("http://localhost/signout-callback-oidc", query["post_logout_redirect_uri"]);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mg.session=;", StringComparison.Ordinal));
        Assert.StartsWith(Issuer.Issuer + "/authorize", (await TokenIssuer.ChallengeAsync(client, "/")).Headers.Location!.ToString());

        var back = await client.GetAsync($"/signout-callback-oidc?state={Uri.EscapeDataString(query["state"]!)}");
        Assert.Equal("/konto/log-ind?logget-ud=true", back.Headers.Location!.OriginalString);
        Assert.Contains("Du er nu logget ud", await client.GetStringAsync(back.Headers.Location));
    }

    [Fact]
    public async Task TheSignInPageOffersTheMunicipalLoginAndNoPersonas()
    {
        using var client = Portal.CreatePlainClient();

        var page = await client.GetDocumentAsync("/konto/log-ind");

        Assert.Empty(page.QuerySelectorAll("button[name=persona]"));
        Assert.Equal("Log ind med kommunens login", page.QuerySelector("form button[type=submit]")?.Text());
    }

    [Fact]
    public async Task TheContentSecurityPolicyLetsFormsRedirectToTheProviderOnly()
    {
        using var client = Portal.CreatePlainClient();

        var response = await client.GetAsync("/konto/log-ind");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"form-action 'self' {Issuer.Issuer};", csp);
    }

    [Fact]
    public async Task OnlyTheFrontChannelLogoutPathMayBeFramedAndOnlyByTheProvider()
    {
        using var client = Portal.CreatePlainClient();

        var frontChannel = await client.GetAsync("/signout-oidc");
        var signIn = await client.GetAsync("/konto/log-ind");

        var framed = Assert.Single(frontChannel.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"frame-ancestors {Issuer.Issuer};", framed + ";");
        Assert.False(frontChannel.Headers.Contains("X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(signIn.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", Assert.Single(signIn.Headers.GetValues("X-Frame-Options")));
    }
}
