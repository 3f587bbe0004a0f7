using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using Medarbejdergrundlag.Web.Security;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// The edges of <see cref="OidcSetup"/> that the sign-in walk-through in <see cref="OidcSignInTests"/>
/// does not reach: the handler options the portal sets where the framework's defaults differ, the
/// optional settings, the log lines an operator reads after a failure, and the guards behind the
/// sign-in page (a non-local return address, a provider that cannot be reached at sign-out).
/// </summary>
public sealed class OidcSetupEdgeTests : OidcPortalTests
{
    private const string Unreachable = "http://127.0.0.1:1";

    [Fact]
    public void TheHandlerIsSetUpForTheCodeFlowInTheQueryWithLaxCookiesAndNoTelemetry()
    {
        var options = OidcOptions(Portal);

        Assert.Equal("Cookies", options.SignInScheme);
        Assert.Equal("query", options.ResponseMode);
        Assert.Equal(SameSiteMode.Lax, options.CorrelationCookie.SameSite);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, options.CorrelationCookie.SecurePolicy);
        Assert.Equal(SameSiteMode.Lax, options.NonceCookie.SameSite);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, options.NonceCookie.SecurePolicy);
        Assert.True(options.DisableTelemetry);
        Assert.False(options.SaveTokens);
        Assert.False(options.GetClaimsFromUserInfoEndpoint);
        Assert.Contains(options.ClaimActions, a => a is JsonKeyClaimAction { ClaimType: "groups", JsonKey: "groups" });
        Assert.Equal("/signin-oidc", options.CallbackPath);
        Assert.Equal("/signout-callback-oidc", options.SignedOutCallbackPath);
        Assert.Equal("/signout-oidc", options.RemoteSignOutPath);
        Assert.Equal(["openid", "profile"], options.Scope.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheSchemeIsNamedAfterTheMunicipalLogin()
    {
        var scheme = await Portal.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(AuthenticationSetup.OidcScheme);

        Assert.Equal("Odense Kommunes login", scheme?.DisplayName);
        Assert.Equal(typeof(PortalOidcHandler), scheme?.HandlerType);
    }

    [Fact]
    public async Task TheAuthorizeRequestCarriesNoResponseModeNoLibraryVersionAndLaxCookies()
    {
        using var client = Portal.CreateCookielessClient();

        var challenge = await TokenIssuer.ChallengeAsync(client, "/admin");

        var authorize = Authorize.From(Issuer, challenge);
        Assert.False(authorize.Query.ContainsKey("response_mode"));
        Assert.DoesNotContain(authorize.Query.Keys, k => k.StartsWith("x-client-", StringComparison.OrdinalIgnoreCase));
        var cookies = challenge.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith(".AspNetCore.", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, cookies.Count);
        Assert.All(cookies, c => Assert.Contains("samesite=lax", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ConfiguredPathsScopeAndUserInfoSettingAreUsed()
    {
        Portal.With("Authentication:Oidc:CallbackPath", "/konto/retur")
            .With("Authentication:Oidc:SignedOutCallbackPath", "/konto/ud-retur")
            .With("Authentication:Oidc:RemoteSignOutPath", "/konto/ud-front")
            .With("Authentication:Oidc:Scope", "email profile")
            .With("Authentication:Oidc:GetClaimsFromUserInfoEndpoint", "true");
        using var client = Portal.CreatePlainClient();

        var authorize = await ChallengeAsync(client, "/admin");

        Assert.Equal("http://localhost/konto/retur", authorize.Query["redirect_uri"]);
        Assert.Equal("email profile openid", authorize.Query["scope"]);
        var options = OidcOptions(Portal);
        Assert.Equal("/konto/ud-retur", options.SignedOutCallbackPath);
        Assert.Equal("/konto/ud-front", options.RemoteSignOutPath);
        Assert.True(options.GetClaimsFromUserInfoEndpoint);
    }

    [Fact]
    public async Task AScopeThatNamesOpenidAlreadyAsksForItOnce()
    {
        Portal.With("Authentication:Oidc:Scope", "openid,email");
        using var client = Portal.CreatePlainClient();

        var authorize = await ChallengeAsync(client, "/admin");

        Assert.Equal("openid email", authorize.Query["scope"]);
    }

    [Fact]
    public async Task WithoutARoleClaimSettingTheRolesClaimMakesTheRoles()
    {
        Portal.With("Authentication:Oidc:RoleClaim", null);
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/");

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce, groups: ["ledere"],
            change: d => d.Claims["roles"] = new[] { "hr-redaktoerer" }));

        var user = (await SessionTicketAsync(SessionCookie(callback))).Principal;
        Assert.Equal(["Editor"], user.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }

    [Fact]
    public async Task ApproverValuesAndTheDepartmentClaimComeFromTheSettings()
    {
        Portal.With("Authentication:Oidc:ApproverValues", "hovedudvalget")
            .With("Confirmations:DepartmentClaim", "forvaltning");
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/");

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce, groups: ["hr-redaktoerer", "hovedudvalget"],
            change: d => d.Claims["forvaltning"] = "BUF"));

        var user = (await SessionTicketAsync(SessionCookie(callback))).Principal;
        Assert.Equal(["Editor", "Approver"], user.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Equal("BUF", user.FindFirst("forvaltning")?.Value);
    }

    [Fact]
    public async Task ASignInIsLoggedWithSubjectIssuerAndRolesAndKeepsOnlyTheIdToken()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/");

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce, groups: ["hr-redaktoerer", "ledere"]));

        Assert.Contains($"Signed in hanne from {Issuer.Issuer} with roles Editor,Leader.", Logs.All);
        var ticket = await SessionTicketAsync(SessionCookie(callback));
        Assert.Equal(["id_token"], ticket.Properties.GetTokens().Select(t => t.Name));
    }

    [Fact]
    public async Task ANonLocalReturnAddressThatReachesTheCallbackEndsOnTheFrontPage()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");
        // The sign-in page and the challenge both keep the address local; this state is re-sealed
        // with the portal's own key, as if both had let https://evil.example/ through.
        var format = OidcOptions(Portal).StateDataFormat;
        var properties = format.Unprotect(authorize.State)!;
        properties.RedirectUri = "https://evil.example/";

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce), state: format.Protect(properties));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AChallengeForANonLocalAddressIsSentOnToReturnToTheFrontPage()
    {
        var context = await HandlerContextAsync(Portal, c => c.ChallengeAsync(AuthenticationSetup.OidcScheme,
            new AuthenticationProperties { RedirectUri = "https://evil.example/" }));

        var location = new Uri(context.Response.Headers.Location.ToString());
        Assert.StartsWith(Issuer.Issuer + "/authorize?", location.ToString());
        var state = QueryHelpers.ParseQuery(location.Query)["state"].ToString();
        Assert.Equal("/", OidcOptions(Portal).StateDataFormat.Unprotect(state)?.RedirectUri);
        Assert.Contains("Sign-in asked to return to a non-local address; it will return to the front page instead.", Logs.All);
    }

    [Fact]
    public async Task AChallengeForALocalAddressKeepsIt()
    {
        var context = await HandlerContextAsync(Portal, c => c.ChallengeAsync(AuthenticationSetup.OidcScheme,
            new AuthenticationProperties { RedirectUri = "/pejlemaerker" }));

        var location = new Uri(context.Response.Headers.Location.ToString());
        var state = QueryHelpers.ParseQuery(location.Query)["state"].ToString();
        Assert.Equal("/pejlemaerker", OidcOptions(Portal).StateDataFormat.Unprotect(state)?.RedirectUri);
        Assert.DoesNotContain("non-local address", Logs.All);
    }

    [Fact]
    public async Task AProviderErrorIsLoggedWithItsCodeAndDescriptionUnderTheRequestsTraceAsReference()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/signin-oidc?error=access_denied&error_description=End-User+aborted+interaction&state={Uri.EscapeDataString(authorize.State)}");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var callback = await client.SendAsync(request);

        Assert.Equal($"/konto/log-ind/fejl?ref={traceId}", callback.Headers.Location!.OriginalString);
        Assert.Contains($"Sign-in through OpenID Connect failed (reference {traceId}): the provider's answer was refused.", Logs.All);
        Assert.Contains("Provider error: access_denied End-User aborted interaction", Logs.All);
    }

    [Fact]
    public async Task AnotherIssuerInIssIsRefusedEvenWhereTheProviderDoesNotAdvertiseIss()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce), iss: "https://attacker.example");

        await AssertRefusedAsync(client, callback, "The authorization response carries another issuer in iss than the provider's (RFC 9207).");
    }

    [Fact]
    public async Task TheProvidersOwnIssIsAcceptedWhereTheProviderDoesNotAdvertiseIss()
    {
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");

        var callback = await CallbackAsync(client, authorize, Issuer.Mint(authorize.Nonce), iss: Issuer.Issuer);

        Assert.Equal("/admin", callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ACallbackWithNeitherCodeNorErrorIsNotCheckedForIss()
    {
        Issuer.AdvertisesIssParameter = true;
        using var client = Portal.CreatePlainClient();
        var authorize = await ChallengeAsync(client, "/admin");

        var callback = await client.GetAsync($"/signin-oidc?state={Uri.EscapeDataString(authorize.State)}");

        Assert.StartsWith("/konto/log-ind/fejl?ref=", callback.Headers.Location!.OriginalString);
        Assert.DoesNotContain("RFC 9207", Logs.All);
    }

    [Fact]
    public async Task AMetadataAddressIsReadInsteadOfTheAuthoritysDiscoveryDocument()
    {
        var logs = new LogCapture();
        using var portal = TokenIssuer.Portal(Unreachable, logs)
            .With("Authentication:Oidc:MetadataAddress", Issuer.Issuer + "/.well-known/openid-configuration");
        using var client = portal.CreatePlainClient();

        var challenge = await TokenIssuer.ChallengeAsync(client, "/admin");

        Assert.StartsWith(Issuer.Issuer + "/authorize?", challenge.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AMetadataAddressThatCannotBeReadIsNamedInTheLog()
    {
        var metadata = Unreachable + "/.well-known/openid-configuration";
        Portal.With("Authentication:Oidc:MetadataAddress", metadata);
        using var client = Portal.CreatePlainClient();

        var challenge = await TokenIssuer.ChallengeAsync(client, "/admin");

        Assert.StartsWith("/konto/log-ind/fejl?ref=", challenge.Headers.Location!.OriginalString);
        Assert.Contains($"the provider's metadata at {metadata} could not be read, so sign-in could not start", Logs.All);
    }

    [Theory]
    [InlineData("/pejlemaerker", "/pejlemaerker")]
    [InlineData("https://evil.example/", "/konto/log-ind?logget-ud=true")]
    [InlineData(null, "/konto/log-ind?logget-ud=true")]
    public async Task SignOutWithAProviderThatCannotBeReachedStillEndsOnALocalPage(string? redirectUri, string expected)
    {
        var logs = new LogCapture();
        using var portal = TokenIssuer.Portal(Unreachable, logs);

        var context = await HandlerContextAsync(portal, c => c.SignOutAsync(AuthenticationSetup.OidcScheme,
            redirectUri is null ? null : new AuthenticationProperties { RedirectUri = redirectUri }));

        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        Assert.Equal(expected, context.Response.Headers.Location.ToString());
        Assert.Contains(
            $"Sign-out could not reach the provider at {Unreachable}/.well-known/openid-configuration; the portal session ended, the provider session did not.",
            logs.All);
    }

    private static OpenIdConnectOptions OidcOptions(PortalFactory portal) =>
        portal.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(AuthenticationSetup.OidcScheme);

    private static string SessionCookie(HttpResponseMessage callback) =>
        Assert.Single(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mg.session=", StringComparison.Ordinal));

    /// <summary>Runs <paramref name="act"/> against the portal's handlers outside any page, as http://localhost/.</summary>
    private static async Task<HttpContext> HandlerContextAsync(PortalFactory portal, Func<HttpContext, Task> act)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        await act(context);
        return context;
    }
}
