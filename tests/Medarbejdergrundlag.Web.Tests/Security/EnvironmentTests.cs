using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task ProductionHasNoPersonaSignIn()
    {
        using var factory = new PortalFactory("Production").With("Authentication:Oidc:Authority", "https://login.example.test");
        using var client = factory.CreatePlainClient("https://portal.example.test");

        var page = await client.GetDocumentAsync("/konto/log-ind");
        Assert.Empty(page.QuerySelectorAll("button[name=persona]"));

        // The page has no form to take a token from, so a valid one is minted: the refusal under test is
        // the handler's own, not antiforgery's.
        var tokens = factory.Services.GetRequiredService<IAntiforgery>().GetTokens(new DefaultHttpContext { RequestServices = factory.Services });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/konto/log-ind")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["persona"] = "hr-redaktoer",
                ["__RequestVerificationToken"] = tokens.RequestToken!,
            }),
        };
        request.Headers.Add("Cookie", $"mg.af={tokens.CookieToken}");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task AConfiguredAuthorityRemovesThePersonasInDevelopmentToo()
    {
        using var factory = new PortalFactory().With("Authentication:Oidc:Authority", "https://login.example.test");
        using var client = factory.CreatePlainClient();

        var page = await client.GetDocumentAsync("/konto/log-ind");

        Assert.Empty(page.QuerySelectorAll("button[name=persona]"));
    }

    [Fact]
    public async Task HstsIsSentOutsideDevelopmentOnly()
    {
        using var production = new PortalFactory("Production").With("Authentication:Oidc:Authority", "https://login.example.test");
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
}
