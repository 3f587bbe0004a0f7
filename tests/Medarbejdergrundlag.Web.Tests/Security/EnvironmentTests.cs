using System.Net;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Security;

public sealed class EnvironmentTests
{
    [Fact]
    public void ProductionWithoutAnOidcAuthorityRefusesToStartAndSaysWhy()
    {
        using var factory = new PortalFactory("Production");

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("Authentication:Oidc:Authority", error.Message);
    }

    [Theory]
    [InlineData("Production", "http://login.example.test", "true", "portal", "is not an HTTPS address")]
    [InlineData("Production", "https://login.example.test", "false", "portal", "RequireHttpsMetadata=false is allowed in Development only")]
    [InlineData("Staging", "https://login.example.test", "false", "portal", "RequireHttpsMetadata=false is allowed in Development only")]
    [InlineData("Production", "https://login.example.test", "true", "", "Authentication:Oidc:ClientId is not set")]
    public void AnUnsafeOrIncompleteProviderSettingRefusesToStartAndSaysWhy(
        string environment, string authority, string requireHttps, string clientId, string message)
    {
        using var factory = new PortalFactory(environment)
            .With("Authentication:Oidc:Authority", authority)
            .With("Authentication:Oidc:RequireHttpsMetadata", requireHttps)
            .With("Authentication:Oidc:ClientId", clientId);

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task ProductionHasNoPersonaSignIn()
    {
        using var factory = new PortalFactory("Production").With("Authentication:Oidc:Authority", "https://login.example.test").With("Authentication:Oidc:ClientId", "portal");
        using var client = factory.CreatePlainClient("https://portal.example.test");

        var page = await client.GetDocumentAsync("/konto/log-ind");
        Assert.Empty(page.QuerySelectorAll("button[name=persona]"));

        // A valid antiforgery token (from the municipal login form), so the refusal under test is the
        // handler's own, not antiforgery's.
        var token = await PortalFactory.AntiforgeryTokenAsync(client, "/konto/log-ind");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/konto/log-ind")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["persona"] = "hr-redaktoer",
                ["__RequestVerificationToken"] = token,
            }),
        };
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task AConfiguredAuthorityRemovesThePersonasInDevelopmentToo()
    {
        using var factory = new PortalFactory().With("Authentication:Oidc:Authority", "https://login.example.test").With("Authentication:Oidc:ClientId", "portal");
        using var client = factory.CreatePlainClient();

        var page = await client.GetDocumentAsync("/konto/log-ind");

        Assert.Empty(page.QuerySelectorAll("button[name=persona]"));
    }

    [Fact]
    public async Task HstsIsSentOutsideDevelopmentOnly()
    {
        using var production = new PortalFactory("Production").With("Authentication:Oidc:Authority", "https://login.example.test").With("Authentication:Oidc:ClientId", "portal");
        using var development = new PortalFactory();
        using var productionClient = production.CreatePlainClient("https://portal.example.test");
        using var developmentClient = development.CreatePlainClient("https://portal.example.test");

        var fromProduction = await productionClient.GetAsync("/health/live");
        var fromDevelopment = await developmentClient.GetAsync("/health/live");

        Assert.Contains("max-age=", Assert.Single(fromProduction.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(fromDevelopment.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task PersonaSignInShowsWhoIsSignedIn()
    {
        using var factory = new PortalFactory();
        var editor = await factory.SignedInClientAsync("hr-redaktoer");

        var home = await editor.GetDocumentAsync("/");

        Assert.Equal("Hanne HR-redaktør", home.QuerySelector(".site-header__user")?.Text());
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/medarbejdergrundlag")).StatusCode);
    }

    [Fact]
    public void ProductionWithPersonasSwitchedOnRefusesToStartAndSaysWhy()
    {
        using var factory = new PortalFactory("Production")
            .With("Authentication:Oidc:Authority", "https://login.example.test").With("Authentication:Oidc:ClientId", "portal")
            .With("Authentication:Personas:Enabled", "true");

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("Authentication:Personas:Enabled=true is not allowed in Production", error.Message);
    }

    [Fact]
    public async Task OutsideDevelopmentPersonasAreOfferedOnlyWhenSwitchedOnExplicitly()
    {
        using var plain = new PortalFactory("Benchmark");
        using var switchedOn = new PortalFactory("Benchmark").With("Authentication:Personas:Enabled", "true");
        using var plainClient = plain.CreatePlainClient();

        var page = await plainClient.GetDocumentAsync("/konto/log-ind");
        Assert.Empty(page.QuerySelectorAll("button[name=persona]"));

        var employee = await switchedOn.SignedInClientAsync("medarbejder");
        var home = await employee.GetDocumentAsync("/");
        Assert.Equal("Mette Medarbejder", home.QuerySelector(".site-header__user")?.Text());
    }

    [Fact]
    public async Task DevelopmentCanSwitchThePersonasOff()
    {
        using var factory = new PortalFactory().With("Authentication:Personas:Enabled", "false");
        using var client = factory.CreatePlainClient();

        var page = await client.GetDocumentAsync("/konto/log-ind");

        Assert.Empty(page.QuerySelectorAll("button[name=persona]"));
    }

    [Fact]
    public void ProductionWithTheBenchmarkStaticFolderRefusesToStartAndSaysWhy()
    {
        using var factory = new PortalFactory("Production")
            .With("Authentication:Oidc:Authority", "https://login.example.test").With("Authentication:Oidc:ClientId", "portal")
            .With("Benchmark:StaticFolder", Path.GetTempPath());

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("Benchmark:StaticFolder is for the load benchmark only", error.Message);
    }

    [Fact]
    public async Task TheBenchmarkServesItsStaticFolderOnlyWhenConfigured()
    {
        var folder = Directory.CreateTempSubdirectory("mg-baseline-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "charter.html"), "<p>statisk</p>");
            using var configured = new PortalFactory("Benchmark").With("Benchmark:StaticFolder", folder.FullName);
            using var plain = new PortalFactory("Benchmark");

            var served = await configured.CreatePlainClient().GetAsync("/_benchmark-static/charter.html");
            var notServed = await plain.CreatePlainClient().GetAsync("/_benchmark-static/charter.html");

            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("<p>statisk</p>", await served.Content.ReadAsStringAsync());
            Assert.NotEqual(HttpStatusCode.OK, notServed.StatusCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
