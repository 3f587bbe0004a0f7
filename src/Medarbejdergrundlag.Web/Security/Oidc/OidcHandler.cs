using System.Diagnostics;
using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Medarbejdergrundlag.Web.Security.Oidc;

/// <summary>
/// An OpenID Connect relying party on the framework's OAuth handler. The OAuth handler gives the
/// authorization code flow, the protected state and the correlation cookie; this adds discovery, PKCE
/// S256, the nonce, id_token validation against the provider's keys, role mapping and RP-initiated
/// sign-out. Every failure ends on the Danish error page (see <see cref="OidcFailure"/>).
/// </summary>
internal sealed class OidcHandler(IOptionsMonitor<OidcOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder)
    : OAuthHandler<OidcOptions>(options, loggerFactory, encoder), IAuthenticationSignOutHandler
{
    public const string IdTokenName = "id_token";

    // Kept inside the protected state, which the correlation cookie ties to this browser.
    private const string NonceKey = ".oidc.nonce";

    private static readonly JsonWebTokenHandler TokenHandler = new();

    private OpenIdConnectConfiguration? _configuration;

    public override async Task<bool> HandleRequestAsync()
    {
        if (Options.SignedOutCallbackPath.HasValue && Options.SignedOutCallbackPath == Request.Path)
        {
            var state = Request.Query["state"].ToString();
            var properties = string.IsNullOrEmpty(state) ? null : Options.StateDataFormat.Unprotect(state);
            Response.Redirect(LocalUrl.IsLocal(properties?.RedirectUri) ? properties!.RedirectUri! : Options.SignedOutRedirectUri);
            return true;
        }

        return await base.HandleRequestAsync();
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        try
        {
            _configuration = await Options.ConfigurationManager!.GetConfigurationAsync(Context.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            OidcFailure.Redirect(Context, Logger, Options, exception,
                $"the provider's metadata at {Options.MetadataAddress} could not be read, so sign-in could not start");
            return;
        }

        if (properties.RedirectUri is { } requested && !LocalUrl.IsLocal(requested))
        {
            Logger.LogWarning("Sign-in asked to return to a non-local address; it will return to the front page instead.");
            properties.RedirectUri = "/";
        }

        await base.HandleChallengeAsync(properties);
    }

    protected override string BuildChallengeUrl(AuthenticationProperties properties, string redirectUri)
    {
        var configuration = _configuration ?? throw new InvalidOperationException("No OpenID Connect configuration.");
        if (string.IsNullOrEmpty(configuration.AuthorizationEndpoint))
        {
            throw new InvalidOperationException("The provider's metadata names no authorization_endpoint.");
        }

        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        properties.Items[OAuthConstants.CodeVerifierKey] = verifier;
        var nonce = Options.ProtocolValidator.GenerateNonce();
        properties.Items[NonceKey] = nonce;

        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = Options.ClientId,
            ["response_type"] = "code",
            ["scope"] = FormatScope(),
            ["redirect_uri"] = redirectUri,
            ["code_challenge"] = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = OAuthConstants.CodeChallengeMethodS256,
            ["nonce"] = nonce,
            ["state"] = Options.StateDataFormat.Protect(properties),
        };
        return QueryHelpers.AddQueryString(configuration.AuthorizationEndpoint, parameters);
    }

    protected override async Task<HandleRequestResult> HandleRemoteAuthenticateAsync()
    {
        _configuration = await Options.ConfigurationManager!.GetConfigurationAsync(Context.RequestAborted);

        // RFC 9207: a provider that names itself in the response must be the one we sent the user to.
        var issuer = Request.Query["iss"].ToString();
        if (!string.IsNullOrEmpty(issuer) && !string.Equals(issuer, _configuration.Issuer, StringComparison.Ordinal))
        {
            return HandleRequestResult.Fail($"The authorization response names issuer '{issuer}', expected '{_configuration.Issuer}'.");
        }

        return await base.HandleRemoteAuthenticateAsync();
    }

    protected override async Task<OAuthTokenResponse> ExchangeCodeAsync(OAuthCodeExchangeContext context)
    {
        var configuration = _configuration ?? throw new InvalidOperationException("No OpenID Connect configuration.");
        var parameters = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = context.Code,
            ["redirect_uri"] = context.RedirectUri,
            ["client_id"] = Options.ClientId,
        };
        if (!string.IsNullOrEmpty(Options.ClientSecret))
        {
            parameters["client_secret"] = Options.ClientSecret;
        }

        if (context.Properties.Items.TryGetValue(OAuthConstants.CodeVerifierKey, out var verifier) && verifier is not null)
        {
            parameters[OAuthConstants.CodeVerifierKey] = verifier;
            context.Properties.Items.Remove(OAuthConstants.CodeVerifierKey);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(parameters),
            Version = Backchannel.DefaultRequestVersion,
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await Backchannel.SendAsync(request, Context.RequestAborted);
        var body = await response.Content.ReadAsStringAsync(Context.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            return OAuthTokenResponse.Failed(new AuthenticationFailureException(
                $"The token endpoint answered {(int)response.StatusCode}: {body}"));
        }

        return OAuthTokenResponse.Success(JsonDocument.Parse(body));
    }

    protected override async Task<AuthenticationTicket> CreateTicketAsync(
        ClaimsIdentity identity, AuthenticationProperties properties, OAuthTokenResponse tokens)
    {
        var idToken = tokens.Response is { } json && json.RootElement.TryGetProperty("id_token", out var element)
            ? element.GetString()
            : null;
        if (string.IsNullOrEmpty(idToken))
        {
            throw new AuthenticationFailureException("The token response carried no id_token.");
        }

        if (!properties.Items.TryGetValue(NonceKey, out var nonce) || string.IsNullOrEmpty(nonce))
        {
            throw new AuthenticationFailureException("The sign-in state carried no nonce.");
        }

        properties.Items.Remove(NonceKey);

        var token = await ValidateIdTokenAsync(idToken);
        Options.ProtocolValidator.ValidateTokenResponse(new OpenIdConnectProtocolValidationContext
        {
            ClientId = Options.ClientId,
            Nonce = nonce,
            ProtocolMessage = new OpenIdConnectMessage { IdToken = idToken, AccessToken = tokens.AccessToken },
            ValidatedIdToken = new JwtSecurityToken(idToken),
        });

        // Kept in the session cookie for sign-out's id_token_hint; the access token is not needed.
        properties.StoreTokens([new AuthenticationToken { Name = IdTokenName, Value = idToken }]);
        properties.RedirectUri = LocalUrl.OrHome(properties.RedirectUri);

        var user = MapClaims(token);
        Logger.LogInformation("Signed in {Subject} from {Issuer} with roles {Roles}.",
            token.Subject, token.Issuer, string.Join(",", user.FindAll(user.RoleClaimType).Select(c => c.Value)));
        return new AuthenticationTicket(new ClaimsPrincipal(user), properties, Scheme.Name);
    }

    public async Task SignOutAsync(AuthenticationProperties? properties)
    {
        var target = LocalUrl.IsLocal(properties?.RedirectUri) ? properties!.RedirectUri! : Options.SignedOutRedirectUri;
        var session = await Context.AuthenticateAsync(Options.SignInScheme);
        var idToken = session.Properties?.GetTokenValue(IdTokenName);

        OpenIdConnectConfiguration? configuration = null;
        try
        {
            configuration = await Options.ConfigurationManager!.GetConfigurationAsync(Context.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logger.LogError(exception, "Sign-out could not read the provider's metadata at {MetadataAddress}; the portal session ended, the provider session did not.",
                Options.MetadataAddress);
        }

        if (string.IsNullOrEmpty(configuration?.EndSessionEndpoint))
        {
            Response.Redirect(target);
            return;
        }

        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = Options.ClientId,
            ["post_logout_redirect_uri"] = BuildRedirectUri(Options.SignedOutCallbackPath),
            ["state"] = Options.StateDataFormat.Protect(new AuthenticationProperties { RedirectUri = target }),
        };
        if (!string.IsNullOrEmpty(idToken))
        {
            parameters["id_token_hint"] = idToken;
        }

        Response.Redirect(QueryHelpers.AddQueryString(configuration.EndSessionEndpoint, parameters));
    }

    private async Task<JsonWebToken> ValidateIdTokenAsync(string idToken)
    {
        var result = await TokenHandler.ValidateTokenAsync(idToken, ParametersFor(_configuration!));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since they were read: read them again, once.
            Logger.LogInformation("The id_token is signed with a key not in the cached key set; reading the provider's keys again.");
            Options.ConfigurationManager!.RequestRefresh();
            _configuration = await Options.ConfigurationManager.GetConfigurationAsync(Context.RequestAborted);
            result = await TokenHandler.ValidateTokenAsync(idToken, ParametersFor(_configuration));
        }

        if (!result.IsValid)
        {
            throw new AuthenticationFailureException(
                $"The id_token was refused ({result.Exception?.GetType().Name}): {result.Exception?.Message}", result.Exception);
        }

        return (JsonWebToken)result.SecurityToken;
    }

    private TokenValidationParameters ParametersFor(OpenIdConnectConfiguration configuration)
    {
        var parameters = Options.TokenValidationParameters.Clone();
        parameters.ValidIssuer = configuration.Issuer;
        parameters.ValidAudience = Options.ClientId;
        parameters.IssuerSigningKeys = configuration.SigningKeys;
        parameters.ValidateIssuer = true;
        parameters.ValidateAudience = true;
        parameters.ValidateLifetime = true;
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        parameters.ValidateIssuerSigningKey = true;
        return parameters;
    }

    private ClaimsIdentity MapClaims(JsonWebToken token)
    {
        string? Claim(string type) => token.TryGetPayloadValue<string>(type, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        var issuer = token.Issuer;
        var identity = new ClaimsIdentity(Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, token.Subject, ClaimValueTypes.String, issuer));
        identity.AddClaim(new Claim(ClaimTypes.Name,
            Claim("name") ?? Claim("preferred_username") ?? Claim("email") ?? token.Subject, ClaimValueTypes.String, issuer));
        if (Claim("email") is { } email)
        {
            identity.AddClaim(new Claim(ClaimTypes.Email, email, ClaimValueTypes.String, issuer));
        }

        // A JSON array claim comes out as one claim per value, a single string as one claim.
        var values = token.Claims.Where(c => c.Type == Options.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (values.Overlaps(Options.EditorValues))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, PortalRoles.Editor, ClaimValueTypes.String, issuer));
        }

        if (values.Overlaps(Options.LeaderValues))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, PortalRoles.Leader, ClaimValueTypes.String, issuer));
        }

        return identity;
    }
}

/// <summary>What every failed sign-in does: a detailed log entry, and a page that says nothing about why.</summary>
internal static class OidcFailure
{
    public static void Redirect(HttpContext context, ILogger logger, OidcOptions options, Exception? failure, string what)
    {
        var reference = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        var query = context.Request.Query;
        logger.LogWarning(failure,
            "Sign-in through OpenID Connect failed (reference {Reference}): {What}. {Failure} Provider error: {Error} {ErrorDescription}",
            reference, what, failure?.Message, query["error"].ToString(), query["error_description"].ToString());
        context.Response.Redirect(QueryHelpers.AddQueryString(options.ErrorPath, "ref", reference));
    }
}
