using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Medarbejdergrundlag.Web.Security.Oidc;

/// <summary>
/// The relying party's options. The names are those of the official
/// <c>Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions</c>, so that moving to that
/// handler, once the package source has it, is a change of registration, not of configuration.
/// The last three properties are the portal's own: how provider claims become portal roles.
/// </summary>
public sealed class OidcOptions : OAuthOptions
{
    public OidcOptions()
    {
        CallbackPath = "/signin-oidc";
        UsePkce = true;
        SaveTokens = false;
        Scope.Add("openid");
        Scope.Add("profile");
        Scope.Add("email");
        // The callback is a top-level GET navigation (response_mode=query), so Lax is enough; None would
        // need Secure, which plain-HTTP development on loopback cannot give.
        CorrelationCookie.SameSite = SameSiteMode.Lax;
        CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    /// <summary>The provider's issuer address; discovery is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The discovery document's address, when it is not below <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Metadata and keys only over HTTPS. The portal allows false in Development only.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Where the provider sends the browser back after RP-initiated sign-out.</summary>
    public PathString SignedOutCallbackPath { get; set; } = "/signout-callback-oidc";

    /// <summary>The local page shown once both sessions have ended.</summary>
    public string SignedOutRedirectUri { get; set; } = "/konto/log-ind?logget-ud=true";

    /// <summary>The Danish page shown when sign-in fails; it says nothing about why (the log does).</summary>
    public string ErrorPath { get; set; } = "/konto/log-ind/fejl";

    /// <summary>Minimum time between two metadata refreshes asked for by an unknown signing key.</summary>
    public TimeSpan RefreshInterval { get; set; } = ConfigurationManager<OpenIdConnectConfiguration>.DefaultRefreshInterval;

    /// <summary>How often metadata and keys are read again regardless.</summary>
    public TimeSpan AutomaticRefreshInterval { get; set; } = ConfigurationManager<OpenIdConnectConfiguration>.DefaultAutomaticRefreshInterval;

    /// <summary>Discovery and keys; made from <see cref="MetadataAddress"/> unless set.</summary>
    public IConfigurationManager<OpenIdConnectConfiguration>? ConfigurationManager { get; set; }

    /// <summary>Base parameters for the id_token; issuer, audience and keys are filled in from discovery.</summary>
    public TokenValidationParameters TokenValidationParameters { get; set; } = new();

    /// <summary>Checks the token response against the request: nonce, required claims, at_hash.</summary>
    public OpenIdConnectProtocolValidator ProtocolValidator { get; set; } = new()
    {
        RequireNonce = true,
        RequireStateValidation = false,
        NonceLifetime = TimeSpan.FromMinutes(15),
    };

    /// <summary>The id_token claim that carries roles or groups: <c>roles</c> (Entra app roles), <c>groups</c>, <c>role</c> (ADFS).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Values of <see cref="RoleClaim"/> that make a user an HR editor.</summary>
    public ISet<string> EditorValues { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Values of <see cref="RoleClaim"/> that make a user a leader.</summary>
    public ISet<string> LeaderValues { get; } = new HashSet<string>(StringComparer.Ordinal);

    public override void Validate()
    {
        // OAuthOptions.Validate would demand fixed endpoints; ours come from discovery at run time.
        if (string.IsNullOrEmpty(ClientId))
        {
            throw new ArgumentException("Authentication:Oidc:ClientId must be set.", nameof(ClientId));
        }

        if (ConfigurationManager is null && string.IsNullOrEmpty(MetadataAddress) && string.IsNullOrEmpty(Authority))
        {
            throw new ArgumentException("Authentication:Oidc:Authority must be set.", nameof(Authority));
        }

        if (!CallbackPath.HasValue || !SignedOutCallbackPath.HasValue)
        {
            throw new ArgumentException("CallbackPath and SignedOutCallbackPath must be set.", nameof(CallbackPath));
        }
    }
}
