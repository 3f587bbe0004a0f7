using System.Net;
using Medarbejdergrundlag.Web.Security;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// <see cref="AuthenticationSetup"/> and the start-up checks of <see cref="OidcSetup"/>: each refusal
/// of an unsafe or incomplete configuration with its whole message (an operator reads it in a failed
/// deployment), and the cookie and antiforgery settings that differ from the framework's defaults.
/// </summary>
public sealed class AuthenticationSetupTests
{
    private const string Provider = "https://login.example.test";

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void ProductionWithoutAnAuthorityRefusesToStartWithTheWholeReason(string? authority)
    {
        using var factory = new PortalFactory("Production").With("Authentication:Oidc:Authority", authority);

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Equal(
            "Authentication:Oidc:Authority is not set. In Production the portal signs users in only through the municipality's OpenID " +
            "Connect provider, so it will not start without one. Set Authentication__Oidc__Authority (and ClientId/ClientSecret) in the " +
            "environment; see docs/sign-in.md.",
            error.Message);
    }

    [Fact]
    public void MetadataOverHttpOutsideDevelopmentRefusesToStartWithTheWholeReason()
    {
        using var factory = Production().With("Authentication:Oidc:RequireHttpsMetadata", "false");

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Equal(
            "Authentication:Oidc:RequireHttpsMetadata=false is allowed in Development only: elsewhere the provider's metadata and keys " +
            "must come over HTTPS.",
            error.Message);
    }

    [Fact]
    public void AnHttpAuthorityRefusesToStartWithTheWholeReasonEvenInDevelopmentByDefault()
    {
        using var factory = new PortalFactory()
            .With("Authentication:Oidc:Authority", "http://login.example.test")
            .With("Authentication:Oidc:ClientId", "portal");

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Equal(
            "Authentication:Oidc:Authority 'http://login.example.test' is not an HTTPS address. Use the provider's HTTPS issuer address " +
            "(in Development, RequireHttpsMetadata=false allows a local test provider over HTTP).",
            error.Message);
    }

    [Fact]
    public void AnAuthorityWrittenInCapitalsIsStillHttps()
    {
        using var factory = Production().With("Authentication:Oidc:Authority", "HTTPS://LOGIN.EXAMPLE.TEST");

        Assert.Equal("HTTPS://LOGIN.EXAMPLE.TEST", factory.Services.GetRequiredService<SignInOptions>().Authority);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void AMissingOrBlankClientIdRefusesToStartWithTheWholeReason(string? clientId)
    {
        using var factory = Production().With("Authentication:Oidc:ClientId", clientId);

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Equal(
            "Authentication:Oidc:ClientId is not set. Register the portal with the identity provider and set Authentication__Oidc__ClientId " +
            "and Authentication__Oidc__ClientSecret in the environment; see docs/sign-in.md.",
            error.Message);
    }

    [Fact]
    public void AnHttpMetadataAddressOutsideDevelopmentRefusesToStartWithTheWholeReason()
    {
        using var factory = Production().With("Authentication:Oidc:MetadataAddress", "http://login.example.test/.well-known/openid-configuration");

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Equal(
            "The OpenID Connect metadata address 'http://login.example.test/.well-known/openid-configuration' is not HTTPS. " +
            "Only Development may set Authentication:Oidc:RequireHttpsMetadata=false.",
            error.Message);
    }

    [Fact]
    public void AnHttpsMetadataAddressIsAccepted()
    {
        using var factory = Production().With("Authentication:Oidc:MetadataAddress", "HTTPS://login.example.test/.well-known/openid-configuration");

        var options = factory.Services.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>>()
            .Get(AuthenticationSetup.OidcScheme);

        Assert.Equal("HTTPS://login.example.test/.well-known/openid-configuration", options.MetadataAddress);
    }

    [Fact]
    public void PersonasSwitchedOnInProductionRefuseToStartWithTheWholeReason()
    {
        using var factory = Production().With("Authentication:Personas:Enabled", "true");

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Equal(
            "Authentication:Personas:Enabled=true is not allowed in Production: the personas let anyone sign in as anyone, HR editors " +
            "included. They exist for development and the load benchmark only. Remove the setting (Authentication__Personas__Enabled) " +
            "from the production configuration.",
            error.Message);
    }

    [Fact]
    public void PersonasSwitchedOffInProductionAreAccepted()
    {
        using var factory = Production().With("Authentication:Personas:Enabled", "false");

        var signIn = factory.Services.GetRequiredService<SignInOptions>();

        Assert.False(signIn.PersonasEnabled);
        Assert.True(signIn.OidcEnabled);
    }

    [Fact]
    public void ABlankAuthorityInDevelopmentIsNoProviderAndLeavesThePersonas()
    {
        using var factory = new PortalFactory().With("Authentication:Oidc:Authority", "  ");

        var signIn = factory.Services.GetRequiredService<SignInOptions>();

        Assert.Null(signIn.Authority);
        Assert.False(signIn.OidcEnabled);
        Assert.True(signIn.PersonasEnabled);
    }

    [Fact]
    public void TheSessionCookieAndChallengeSettingsAreThePortals()
    {
        using var factory = new PortalFactory();

        var authentication = factory.Services.GetRequiredService<IOptions<AuthenticationOptions>>().Value;
        var cookie = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.Equal("Cookies", authentication.DefaultScheme);
        Assert.Equal("Cookies", authentication.DefaultChallengeScheme);
        Assert.Equal("Cookies", authentication.DefaultForbidScheme);
        Assert.Equal("/konto/log-ind", cookie.LoginPath);
        Assert.Equal("/konto/log-ud", cookie.LogoutPath);
        Assert.Equal("/", cookie.Cookie.Path);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, cookie.Cookie.SecurePolicy);
        Assert.True(cookie.SlidingExpiration);
    }

    [Fact]
    public void TheAntiforgeryCookieIsStrictHttpOnlyAndCoversTheWholeSite()
    {
        using var factory = new PortalFactory();

        var cookie = factory.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie;

        Assert.Equal(SecurityHeaders.AntiforgeryCookie, cookie.Name);
        Assert.Equal("/", cookie.Path);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, cookie.SecurePolicy);
    }

    [Fact]
    public async Task AConfiguredBackChannelLogoutPathTakesThePlaceOfTheDefault()
    {
        using var factory = TokenIssuer.Portal("http://127.0.0.1:1", new LogCapture())
            .With("Authentication:Oidc:BackChannelLogoutPath", "/konto/bagkanal");
        using var client = factory.CreatePlainClient();
        using var empty = new FormUrlEncodedContent(new Dictionary<string, string>());

        var configured = await client.PostAsync("/konto/bagkanal", empty);
        var standard = await client.PostAsync("/signout-backchannel", empty);

        Assert.Equal(HttpStatusCode.BadRequest, configured.StatusCode);
        Assert.NotEqual(HttpStatusCode.BadRequest, standard.StatusCode);
    }

    /// <summary>A production portal with a complete, safe provider configuration; each test spoils one part of it.</summary>
    private static PortalFactory Production() =>
        new PortalFactory("Production")
            .With("Authentication:Oidc:Authority", Provider)
            .With("Authentication:Oidc:ClientId", "portal");
}
