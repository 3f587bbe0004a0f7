using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Medarbejdergrundlag.Web.Security.Sessions;

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>
/// A test class whose tests each get a fresh test provider (<see cref="TokenIssuer"/>) and a portal
/// configured against it, with the portal's log kept.
/// </summary>
public abstract class OidcPortalTests : IAsyncLifetime
{
    protected TokenIssuer Issuer { get; private set; } = default!;

    protected LogCapture Logs { get; } = new();

    protected PortalFactory Portal { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Issuer = await TokenIssuer.StartAsync();
        Portal = TokenIssuer.Portal(Issuer.Issuer, Logs);
    }

    public async Task DisposeAsync()
    {
        Portal.Dispose();
        await Issuer.DisposeAsync();
    }

    /// <summary>The ticket behind a session cookie: the cookie itself carries only the session key.</summary>
    protected async Task<AuthenticationTicket> SessionTicketAsync(string setCookie)
    {
        var value = setCookie.Split(';')[0].Split('=', 2)[1];
        var cookie = Portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat.Unprotect(value);
        Assert.NotNull(cookie);
        var key = Assert.Single(cookie.Principal.Claims).Value;
        var ticket = await Portal.Services.GetRequiredService<SessionStore>().RetrieveAsync(key);
        Assert.NotNull(ticket);
        return ticket;
    }

    protected async Task<Authorize> ChallengeAsync(HttpClient client, string path) =>
        Authorize.From(Issuer, await TokenIssuer.ChallengeAsync(client, path));

    protected async Task<HttpResponseMessage> CallbackAsync(HttpClient client, Authorize authorize, string idToken, string? state = null, string? iss = null)
    {
        var code = Issuer.IssueCode(idToken, authorize.Query["code_challenge"]!);
        var withIss = iss is null ? "" : "&iss=" + Uri.EscapeDataString(iss);
        return await client.GetAsync($"/signin-oidc?code={code}&state={Uri.EscapeDataString(state ?? authorize.State)}{withIss}");
    }

    protected async Task AssertRefusedAsync(HttpClient client, HttpResponseMessage callback, string logged)
    {
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var location = callback.Headers.Location!.OriginalString;
        Assert.StartsWith("/konto/log-ind/fejl?ref=", location);
        Assert.DoesNotContain(callback.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.Contains("mg.session=", StringComparison.Ordinal) && !c.Contains("mg.session=;", StringComparison.Ordinal));

        var page = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Log ind lykkedes ikke", html);
        Assert.Contains(location["/konto/log-ind/fejl?ref=".Length..], html);
        foreach (var detail in new[] { logged, "Exception", "IDX", "nonce", "state" })
        {
            Assert.DoesNotContain(detail, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(logged, Logs.All);
        var again = await TokenIssuer.ChallengeAsync(client, "/admin");
        Assert.StartsWith(Issuer.Issuer + "/authorize", again.Headers.Location!.ToString());
    }

    protected sealed record Authorize(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Query)
    {
        public string State => Query["state"]!;

        public string Nonce => Query["nonce"]!;

        public static Authorize From(TokenIssuer issuer, HttpResponseMessage challenge)
        {
            Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
            var location = challenge.Headers.Location!;
            Assert.StartsWith(issuer.Issuer + "/authorize?", location.ToString());
            return new Authorize(QueryHelpers.ParseQuery(location.Query));
        }
    }
}
