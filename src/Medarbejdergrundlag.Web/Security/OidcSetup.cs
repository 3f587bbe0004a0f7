using System.Diagnostics;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Medarbejdergrundlag.Web.Security;

/// <summary>
/// Sign-in through the municipality's provider on Microsoft's OpenID Connect handler: the code flow
/// with PKCE S256, the nonce, id_token validation against the provider's keys (fetched again when an
/// unknown key appears), front-channel logout and RP-initiated sign-out. What is the portal's own is
/// configuration (the <c>Authentication:Oidc</c> keys), how provider claims become portal roles, and
/// that every failure ends on the Danish error page with a reference, the details in the log.
/// </summary>
internal static class OidcSetup
{
    public const string ErrorPath = "/konto/log-ind/fejl";
    public const string SignedOutPage = "/konto/log-ind?logget-ud=true";
    public const string DefaultRemoteSignOutPath = "/signout-oidc";

    public static void AddPortalOidc(WebApplicationBuilder builder, AuthenticationBuilder authentication)
    {
        var section = builder.Configuration.GetSection(AuthenticationSetup.OidcSection);
        var requireHttps = section.GetValue("RequireHttpsMetadata", true);
        if (!requireHttps && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Authentication:Oidc:RequireHttpsMetadata=false is allowed in Development only: elsewhere the provider's " +
                "metadata and keys must come over HTTPS.");
        }

        var authority = section["Authority"]!;
        if (requireHttps && !authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Authentication:Oidc:Authority '{authority}' is not an HTTPS address. Use the provider's HTTPS issuer address " +
                "(in Development, RequireHttpsMetadata=false allows a local test provider over HTTP).");
        }

        if (string.IsNullOrWhiteSpace(section["ClientId"]))
        {
            throw new InvalidOperationException(
                "Authentication:Oidc:ClientId is not set. Register the portal with the identity provider and set " +
                "Authentication__Oidc__ClientId and Authentication__Oidc__ClientSecret in the environment; see docs/sign-in.md.");
        }

        var metadata = AuthenticationSetup.NullIfEmpty(section["MetadataAddress"]);
        if (requireHttps && metadata is not null && !metadata.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The OpenID Connect metadata address '{metadata}' is not HTTPS. Only Development may set Authentication:Oidc:RequireHttpsMetadata=false.");
        }

        var roles = new RoleMapping(
            AuthenticationSetup.NullIfEmpty(section["RoleClaim"]) ?? "roles",
            AuthenticationSetup.Values(section, "EditorValues").ToHashSet(StringComparer.Ordinal),
            AuthenticationSetup.Values(section, "LeaderValues").ToHashSet(StringComparer.Ordinal),
            AuthenticationSetup.NullIfEmpty(builder.Configuration[Medarbejdergrundlag.Content.Confirmations.ConfirmationOptions.Section + ":DepartmentClaim"]))
        {
            ApproverValues = AuthenticationSetup.Values(section, "ApproverValues").ToHashSet(StringComparer.Ordinal),
        };

        // An unknown signing key asks for fresh keys; wait for them rather than validate against the old set.
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);

        // What AddOpenIdConnect does, with the handler that turns an unreachable provider into the error page.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        authentication.AddRemoteScheme<OpenIdConnectOptions, PortalOidcHandler>(AuthenticationSetup.OidcScheme, "Odense Kommunes login", options =>
        {
            options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.Authority = authority;
            options.MetadataAddress = metadata;
            options.ClientId = section["ClientId"];
            options.ClientSecret = AuthenticationSetup.NullIfEmpty(section["ClientSecret"]);
            options.RequireHttpsMetadata = requireHttps;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            // The callback is a top-level GET navigation, so the correlation and nonce cookies can be
            // SameSite=Lax; form_post would need None, and None needs Secure, which plain-HTTP
            // development on loopback cannot give.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.MapInboundClaims = false;
            options.DisableTelemetry = true;
            // Only the id_token is kept (for id_token_hint), see OnTokenValidated.
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = section.GetValue("GetClaimsFromUserInfoEndpoint", false);
            options.ClaimActions.MapJsonKey(roles.ClaimType, roles.ClaimType);
            options.SignedOutRedirectUri = SignedOutPage;
            options.RemoteSignOutPath = AuthenticationSetup.NullIfEmpty(section["RemoteSignOutPath"]) ?? DefaultRemoteSignOutPath;
            if (AuthenticationSetup.NullIfEmpty(section["CallbackPath"]) is { } callback)
            {
                options.CallbackPath = callback;
            }

            if (AuthenticationSetup.NullIfEmpty(section["SignedOutCallbackPath"]) is { } signedOut)
            {
                options.SignedOutCallbackPath = signedOut;
            }

            var scope = AuthenticationSetup.Values(section, "Scope");
            if (scope.Length > 0)
            {
                options.Scope.Clear();
                foreach (var value in scope.Append("openid").Distinct(StringComparer.Ordinal))
                {
                    options.Scope.Add(value);
                }
            }

            options.Events.OnRedirectToIdentityProvider = context =>
            {
                if (!LocalUrl.IsLocal(context.Properties.RedirectUri))
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILogger<PortalOidcHandler>>()
                        .LogWarning("Sign-in asked to return to a non-local address; it will return to the front page instead.");
                    context.Properties.RedirectUri = "/";
                }

                return Task.CompletedTask;
            };
            options.Events.OnMessageReceived = CheckAuthorizationResponseIssuer;
            options.Events.OnTokenValidated = context =>
            {
                // Kept with the session for sign-out's id_token_hint; the access token is not needed.
                if (context.TokenEndpointResponse?.IdToken is { } idToken)
                {
                    context.Properties!.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
                }

                return Task.CompletedTask;
            };
            options.Events.OnTicketReceived = context =>
            {
                // After the id_token and, where asked for, the userinfo answer: the portal's own identity.
                context.Principal = new ClaimsPrincipal(roles.PortalIdentity(context.Principal!, context.Scheme.Name));
                context.ReturnUri = LocalUrl.OrHome(context.ReturnUri);
                var user = context.Principal;
                context.HttpContext.RequestServices.GetRequiredService<ILogger<PortalOidcHandler>>().LogInformation(
                    "Signed in {Subject} from {Issuer} with roles {Roles}.",
                    user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(PortalClaims.Issuer),
                    string.Join(",", user.FindAll(ClaimTypes.Role).Select(c => c.Value)));
                return Task.CompletedTask;
            };
            options.Events.OnRemoteFailure = context =>
            {
                OidcFailure.Redirect(context.HttpContext, context.HttpContext.RequestServices.GetRequiredService<ILogger<PortalOidcHandler>>(),
                    context.Failure, "the provider's answer was refused");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>
    /// RFC 9207: where the provider says it sends <c>iss</c> with the authorization response, the
    /// response must carry the provider's own issuer, so a response from another provider the user
    /// was sent to (a mix-up attack) is refused. Microsoft's handler does not check it. Where the
    /// provider does not say so, an <c>iss</c> that is present must still match.
    /// </summary>
    internal static async Task CheckAuthorizationResponseIssuer(MessageReceivedContext context)
    {
        if (context.ProtocolMessage.Code is null && context.ProtocolMessage.Error is null)
        {
            return;
        }

        var configuration = await context.Options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
        var iss = context.ProtocolMessage.Iss;
        var problem = iss is null
            ? configuration.AuthorizationResponseIssParameterSupported ? "carries no iss, though the provider advertises authorization_response_iss_parameter_supported" : null
            : iss != configuration.Issuer ? "carries another issuer in iss than the provider's" : null;
        if (problem is not null)
        {
            context.Fail($"The authorization response {problem} (RFC 9207).");
        }
    }
}

/// <summary>The provider claims the portal keeps, and which of the configured claim's values make which role.</summary>
internal sealed record RoleMapping(string ClaimType, ISet<string> EditorValues, ISet<string> LeaderValues, string? DepartmentClaim = null)
{
    /// <summary>Values that make an approver (issue 27); an approver needs the editor role as well to approve.</summary>
    public ISet<string> ApproverValues { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public ClaimsIdentity PortalIdentity(ClaimsPrincipal provider, string authenticationType)
    {
        string? Claim(string type) => provider.FindFirst(type)?.Value is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

        var subject = provider.FindFirst("sub") ?? throw new AuthenticationFailureException("The id_token carried no sub.");
        var issuer = subject.Issuer;
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject.Value, ClaimValueTypes.String, issuer));
        identity.AddClaim(new Claim(ClaimTypes.Name,
            Claim("name") ?? Claim("preferred_username") ?? Claim("email") ?? subject.Value, ClaimValueTypes.String, issuer));
        if (Claim("email") is { } email)
        {
            identity.AddClaim(new Claim(ClaimTypes.Email, email, ClaimValueTypes.String, issuer));
        }

        // The handler checks both against a front-channel logout request; back-channel logout finds sessions by them.
        identity.AddClaim(new Claim(PortalClaims.Issuer, issuer, ClaimValueTypes.String, issuer));
        if (Claim(PortalClaims.SessionId) is { } sid)
        {
            identity.AddClaim(new Claim(PortalClaims.SessionId, sid, ClaimValueTypes.String, issuer));
        }

        // Confirmations:DepartmentClaim: stored with a confirmation, for HR's figures per forvaltning.
        if (DepartmentClaim is not null && Claim(DepartmentClaim) is { } department)
        {
            identity.AddClaim(new Claim(DepartmentClaim, department, ClaimValueTypes.String, issuer));
        }

        // A JSON array claim comes out as one claim per value, a single string as one claim.
        var values = provider.FindAll(ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (values.Overlaps(EditorValues))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, PortalRoles.Editor, ClaimValueTypes.String, issuer));
        }

        if (values.Overlaps(LeaderValues))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, PortalRoles.Leader, ClaimValueTypes.String, issuer));
        }

        if (values.Overlaps(ApproverValues))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, PortalRoles.Approver, ClaimValueTypes.String, issuer));
        }

        return identity;
    }
}

/// <summary>
/// Microsoft's handler, except that a provider it cannot reach ends on the Danish error page (sign-in)
/// or on the signed-out page (sign-out, the portal session already ended) instead of an exception.
/// </summary>
internal sealed class PortalOidcHandler(IOptionsMonitor<OpenIdConnectOptions> options, ILoggerFactory logger, HtmlEncoder htmlEncoder, UrlEncoder encoder)
    : OpenIdConnectHandler(options, logger, htmlEncoder, encoder)
{
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        try
        {
            await base.HandleChallengeAsync(properties);
        }
        catch (InvalidOperationException exception) when (!Response.HasStarted)
        {
            OidcFailure.Redirect(Context, Logger, exception,
                $"the provider's metadata at {Options.MetadataAddress} could not be read, so sign-in could not start");
        }
    }

    public override async Task SignOutAsync(AuthenticationProperties? properties)
    {
        try
        {
            await base.SignOutAsync(properties);
        }
        catch (InvalidOperationException exception) when (!Response.HasStarted)
        {
            Logger.LogError(exception, "Sign-out could not reach the provider at {MetadataAddress}; the portal session ended, the provider session did not.",
                Options.MetadataAddress);
            Response.Redirect(LocalUrl.IsLocal(properties?.RedirectUri) ? properties!.RedirectUri! : OidcSetup.SignedOutPage);
        }
    }
}

/// <summary>What every failed sign-in does: a detailed log entry, and a page that says nothing about why.</summary>
internal static class OidcFailure
{
    public static void Redirect(HttpContext context, ILogger logger, Exception? failure, string what)
    {
        var reference = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        var query = context.Request.Query;
        logger.LogWarning(failure,
            "Sign-in through OpenID Connect failed (reference {Reference}): {What}. {Failure} Provider error: {Error} {ErrorDescription}",
            reference, what, failure?.Message, query["error"].ToString(), query["error_description"].ToString());
        context.Response.Redirect(QueryHelpers.AddQueryString(OidcSetup.ErrorPath, "ref", reference));
    }
}

/// <summary>Claim types the portal keeps from the provider beside the standard ones.</summary>
public static class PortalClaims
{
    /// <summary>The provider's issuer, as in the id_token's <c>iss</c>.</summary>
    public const string Issuer = "iss";

    /// <summary>The provider's session id (<c>sid</c>), which front- and back-channel logout name.</summary>
    public const string SessionId = "sid";
}
