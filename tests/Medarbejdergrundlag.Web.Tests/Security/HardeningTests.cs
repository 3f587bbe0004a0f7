using System.Net;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>What a security review asked for beyond the headers every page carries.</summary>
public sealed class HardeningTests
{
    [Fact]
    public async Task HstsLastsAYearAndCoversSubdomainsOverHttps()
    {
        using var production = new PortalFactory("Production")
            .With("Authentication:Oidc:Authority", "https://login.example.test").With("Authentication:Oidc:ClientId", "portal");
        using var https = production.CreatePlainClient("https://portal.example.test");
        using var http = production.CreatePlainClient("http://portal.example.test");

        var overHttps = await https.GetAsync("/health/live");
        var overHttp = await http.GetAsync("/health/live");

        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(overHttps.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
    }

    [Trait(Needs.Trait, Needs.Process)]
    [Fact]
    public async Task KestrelSendsNoServerHeaderAndOffersPersonasOnLoopback()
    {
        using var database = PortalDatabase.Create();
        await using var portal = await PortalProcess.StartAsync(database.Settings);
        using var client = new HttpClient { BaseAddress = portal.Address };

        var response = await client.GetAsync("/konto/log-ind");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), "Kestrel should not name itself.");
        Assert.Contains("name=\"persona\"", await response.Content.ReadAsStringAsync());
    }

    [Trait(Needs.Trait, Needs.Process)]
    [Theory]
    [InlineData("X-Forwarded-For", "10.1.2.3")]
    [InlineData("Forwarded", "for=10.1.2.3;proto=https")]
    [InlineData("X-Forwarded-Proto", "https")]
    public async Task PersonasAreRefusedToARequestThatCameThroughAProxy(string header, string value)
    {
        // A reverse proxy on the same host connects over loopback: only its headers tell.
        using var database = PortalDatabase.Create();
        await using var portal = await PortalProcess.StartAsync(database.Settings);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = portal.Address };
        var direct = await client.GetAsync("/konto/log-ind");
        var directPage = await direct.Content.ReadAsStringAsync();
        Assert.Contains("name=\"persona\"", directPage);

        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/konto/log-ind") { Headers = { { header, value } } };
        Assert.DoesNotContain("name=\"persona\"", await (await client.SendAsync(proxied)).Content.ReadAsStringAsync());

        // Even with a valid form and token from a direct visit, a proxied post signs nobody in.
        var antiforgery = direct.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("mg.af=", StringComparison.Ordinal));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/konto/log-ind")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["persona"] = "hr-redaktoer",
                ["__RequestVerificationToken"] = PortalFactory.AntiforgeryToken(directPage)!,
            }),
            Headers = { { header, value }, { "Cookie", antiforgery } },
        };
        var signIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.False(signIn.Headers.TryGetValues("Set-Cookie", out var after) && after.Any(c => c.StartsWith("mg.session=", StringComparison.Ordinal)));
    }

    [Trait(Needs.Trait, Needs.Process)]
    [Fact]
    public async Task PersonaSignInIsRefusedWhenThePortalListensBeyondLoopback()
    {
        // Development, personas on by default, but bound to every interface: reachable from the network.
        using var database = PortalDatabase.Create();
        await using var portal = await PortalProcess.StartAsync(database.Settings, listenHost: "0.0.0.0");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.Address };

        var page = await client.GetStringAsync("/konto/log-ind");

        Assert.DoesNotContain("name=\"persona\"", page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
        Assert.Contains(portal.Output, line => line.Contains("persona sign-in is switched on, but the portal listens on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignedInPagesAndTheBackupDownloadAreNeverStored()
    {
        using var factory = new PortalFactory();
        using var editor = await factory.SignedInClientAsync("hr-redaktoer");
        using var anonymous = factory.CreatePlainClient();

        foreach (var path in new[] { "/", "/medarbejdergrundlag", "/admin", "/admin/sikkerhedskopi?handler=Hent", "/admin/log" })
        {
            var response = await editor.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path} should be sent with Cache-Control: no-store.");
        }

        var stylesheet = (await editor.GetDocumentAsync("/")).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var asset = await anonymous.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.NotEqual(true, asset.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task TheAntiforgeryCookieHasTheHostPrefixUnderHttpsAndStillWorks()
    {
        using var factory = new PortalFactory();
        using var https = factory.CreatePlainClient("https://localhost");
        using var http = factory.CreatePlainClient("http://localhost");

        var overHttps = await https.GetAsync("/konto/log-ind");
        var overHttp = await http.GetAsync("/konto/log-ind");

        var secure = Assert.Single(overHttps.Headers.GetValues("Set-Cookie"), c => c.Contains("mg.af=", StringComparison.Ordinal));
        Assert.StartsWith("__Host-mg.af=", secure);
        Assert.Contains("secure", secure, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/;", secure + ";", StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("mg.af=", Assert.Single(overHttp.Headers.GetValues("Set-Cookie"), c => c.Contains("mg.af=", StringComparison.Ordinal)));

        var token = PortalFactory.AntiforgeryTokenFrom(await overHttps.Content.ReadAsStringAsync());
        var signIn = await https.PostAsync("/konto/log-ind", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["persona"] = "medarbejder",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task APlainAntiforgeryCookieIsIgnoredOverHttps()
    {
        using var factory = new PortalFactory();
        using var http = factory.CreatePlainClient("http://localhost");
        var page = await http.GetAsync("/konto/log-ind");
        var plainCookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mg.af=", StringComparison.Ordinal)).Split(';')[0];
        var token = PortalFactory.AntiforgeryTokenFrom(await page.Content.ReadAsStringAsync());

        // A cookie without the prefix could have been set by a subdomain; over HTTPS it does not count.
        using var https = factory.CreateCookielessClient();
        using var post = new HttpRequestMessage(HttpMethod.Post, "https://localhost/konto/log-ind")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["persona"] = "medarbejder", ["__RequestVerificationToken"] = token }),
            Headers = { { "Cookie", plainCookie } },
        };
        var refused = await https.SendAsync(post);

        using var control = new HttpRequestMessage(HttpMethod.Post, "https://localhost/konto/log-ind")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["persona"] = "medarbejder", ["__RequestVerificationToken"] = token }),
            Headers = { { "Cookie", "__Host-" + plainCookie } },
        };
        var accepted = await https.SendAsync(control);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public void ProductionWithoutAPublicAddressAndAnyHostAllowedRefusesToStart()
    {
        using var factory = new PortalFactory("Production")
            .With("Authentication:Oidc:Authority", "https://login.example.test").With("Authentication:Oidc:ClientId", "portal")
            .With("Portal:PublicBaseUrl", "");

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("never builds absolute links", error.Message);
        Assert.Contains("Portal__PublicBaseUrl", error.Message);
    }

    [Theory]
    [InlineData("medarbejdergrundlag.odense.example")]
    [InlineData("ftp://medarbejdergrundlag.odense.example")]
    public void InProductionAPublicAddressThatIsNotAnAbsoluteWebAddressRefusesToStart(string publicBaseUrl)
    {
        using var factory = new PortalFactory("Production")
            .With("Authentication:Oidc:Authority", "https://login.example.test").With("Authentication:Oidc:ClientId", "portal")
            .With("Portal:PublicBaseUrl", publicBaseUrl);

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains($"'{publicBaseUrl}' is not an absolute address", error.Message);
    }

    [Fact]
    public void InProductionAllowedHostsOfOnlySeparatorsCountAsAnyHost()
    {
        using var factory = new PortalFactory("Production")
            .With("Authentication:Oidc:Authority", "https://login.example.test").With("Authentication:Oidc:ClientId", "portal")
            .With("Portal:PublicBaseUrl", "")
            .With("AllowedHosts", " ; ");

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("never builds absolute links", error.Message);
    }

    [Fact]
    public async Task InProductionLinksUseThePublicAddressNotTheHostHeader()
    {
        using var factory = new PortalFactory("Production")
            .With("Authentication:Oidc:Authority", "https://login.example.test").With("Authentication:Oidc:ClientId", "portal")
            .With("Portal:PublicBaseUrl", "https://medarbejdergrundlag.odense.example");
        using var client = factory.CreatePlainClient("https://attacker.example");

        var page = await client.GetDocumentAsync("/konto/log-ind");

        Assert.Equal("https://medarbejdergrundlag.odense.example/konto/log-ind", page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task InProductionNarrowAllowedHostsStandInForThePublicAddress()
    {
        using var factory = new PortalFactory("Production")
            .With("Authentication:Oidc:Authority", "https://login.example.test").With("Authentication:Oidc:ClientId", "portal")
            .With("Portal:PublicBaseUrl", "")
            .With("AllowedHosts", "medarbejdergrundlag.odense.example");
        using var attacker = factory.CreatePlainClient("https://attacker.example");
        using var portal = factory.CreatePlainClient("https://medarbejdergrundlag.odense.example");

        Assert.Equal(HttpStatusCode.BadRequest, (await attacker.GetAsync("/konto/log-ind")).StatusCode);
        var page = await portal.GetDocumentAsync("/konto/log-ind");
        Assert.Equal("https://medarbejdergrundlag.odense.example/konto/log-ind", page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
    }
}
