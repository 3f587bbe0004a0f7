using System.Net;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Security;

public sealed class SecurityTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/medarbejdergrundlag")]
    [InlineData("/konto/log-ind")]
    [InlineData("/findes-ikke")]
    [InlineData("/health/live")]
    public async Task EveryResponseCarriesStrictSecurityHeaders(string path)
    {
        var response = await portal.Employee.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task TheHeadersAreExactlyThePortalsPolicy()
    {
        // Word for word: a directive dropped or loosened (img-src, base-uri, form-action, a permission) is a weaker policy.
        var response = await portal.Employee.GetAsync("/medarbejdergrundlag");

        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("camera=(), microphone=(), geolocation=(), payment=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Opener-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore, "A signed-in reader's page must not be stored.");

        // No-store is for signed-in readers: the redirect that asks a stranger to sign in is left as it is.
        using var anonymous = portal.Factory.CreatePlainClient();
        var challenge = await anonymous.GetAsync("/medarbejdergrundlag");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Null(challenge.Headers.CacheControl);
    }

    [Fact]
    public async Task RobotsTxtAsksEveryCrawlerToStayOutWithoutSignIn()
    {
        using var stranger = portal.Factory.CreatePlainClient();

        var response = await stranger.GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["User-agent: *", "Disallow: /"], lines);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/medarbejdergrundlag")]
    [InlineData("/pejlemaerker/mod")]
    [InlineData("/phoenix")]
    [InlineData("/konto/log-ind")]
    public async Task PagesHaveNoInlineScriptOrStyleAndNothingFromOtherOrigins(string path)
    {
        var document = await portal.Employee.GetDocumentAsync(path);

        Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        Assert.Empty(document.QuerySelectorAll("style"));
        Assert.Empty(document.QuerySelectorAll("[style]"));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        // What the browser loads; the hreflang alternates only name the page's twin (absolute, as search engines want).
        var sources = document.QuerySelectorAll("script[src], link[href]:not([rel=alternate]), img[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!);
        Assert.All(sources, s => Assert.Matches("^(/[^/]|data:)", s));
    }

    [Fact]
    public async Task EveryFormCarriesAnAntiforgeryToken()
    {
        using var anonymous = portal.Factory.CreatePlainClient();
        foreach (var document in new[]
        {
            await portal.Employee.GetDocumentAsync("/konto/log-ud"),
            await portal.Employee.GetDocumentAsync("/konto/kalenderlink"),
            await anonymous.GetDocumentAsync("/konto/log-ind"),
        })
        {
            var forms = document.QuerySelectorAll("form[method=post]");
            Assert.NotEmpty(forms);
            Assert.All(forms, f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        }
    }

    [Fact]
    public async Task SignInWithoutAnAntiforgeryTokenIsRefusedAndSignsNobodyIn()
    {
        using var client = portal.Factory.CreatePlainClient();

        var response = await client.PostAsync("/konto/log-ind", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["persona"] = "hr-redaktoer",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("mg.session", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SessionCookieIsHttpOnlyAndSameSite()
    {
        using var client = portal.Factory.CreatePlainClient();
        var token = await PortalFactory.AntiforgeryTokenAsync(client, "/konto/log-ind");

        var response = await client.PostAsync("/konto/log-ind", Form(("persona", "medarbejder"), ("__RequestVerificationToken", token)));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mg.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example/phish", "/")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("/pejlemaerker/mod", "/pejlemaerker/mod")]
    public async Task SignInReturnsOnlyToLocalAddresses(string returnUrl, string expected)
    {
        using var client = portal.Factory.CreatePlainClient();
        var token = await PortalFactory.AntiforgeryTokenAsync(client, "/konto/log-ind");

        var response = await client.PostAsync(
            "/konto/log-ind", Form(("persona", "medarbejder"), ("returnUrl", returnUrl), ("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AnUnknownPersonaGetsADanishMessageAndNoSession()
    {
        using var client = portal.Factory.CreatePlainClient();
        var token = await PortalFactory.AntiforgeryTokenAsync(client, "/konto/log-ind");

        var response = await client.PostAsync("/konto/log-ind", Form(("persona", "admin"), ("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vælg en af brugerne på listen.", Html.Parse(await response.Content.ReadAsStringAsync()).Body!.Text());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        using var factory = new PortalFactory();
        var client = await factory.SignedInClientAsync();
        var token = await PortalFactory.AntiforgeryTokenAsync(client, "/konto/log-ud");

        var response = await client.PostAsync("/konto/log-ud", Form(("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));
}
