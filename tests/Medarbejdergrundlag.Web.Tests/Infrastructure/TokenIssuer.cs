using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>
/// A minimal OpenID provider on a real loopback port whose tokens the tests mint themselves, with
/// their own keys, so that each refusal can be provoked on purpose: a wrong nonce, an unknown key,
/// the wrong audience, an expired token. Discovery, JWKS and the token endpoint (with a real PKCE
/// check) are served over HTTP exactly as the portal reads them from a real provider.
/// </summary>
public sealed class TokenIssuer : IAsyncDisposable
{
    public const string ClientId = "portal-tests";

    /// <summary>
    /// What a browser does when a page needs a sign-in: the portal's sign-in page (which carries the
    /// link preview), then its refresh on to the provider. Returns the portal's last answer, normally
    /// the redirect to the provider's authorize endpoint.
    /// </summary>
    public static async Task<HttpResponseMessage> ChallengeAsync(HttpClient client, string path)
    {
        var first = await client.GetAsync(path);
        if (first.StatusCode != System.Net.HttpStatusCode.Redirect || first.Headers.Location is not { } signIn ||
            !(signIn.IsAbsoluteUri ? signIn.AbsolutePath : signIn.OriginalString.Split('?')[0]).Equals("/konto/log-ind", StringComparison.Ordinal))
        {
            return first;
        }

        var page = await client.GetStringAsync(signIn);
        var refresh = System.Text.RegularExpressions.Regex.Match(page, "<meta http-equiv=\"refresh\" content=\"0;url=([^\"]+)\"");
        Assert.True(refresh.Success, "The sign-in page does not go on to the provider.");
        return await client.GetAsync(System.Net.WebUtility.HtmlDecode(refresh.Groups[1].Value));
    }

    /// <summary>The portal set up against a provider at <paramref name="authority"/> (this issuer's), its log kept in <paramref name="logs"/>.</summary>
    public static PortalFactory Portal(string authority, LogCapture logs, string environment = "Development", PortalDatabase? database = null) =>
        (database is null ? new PortalFactory(environment) : new PortalFactory(database, environment))
            .With("Authentication:Oidc:Authority", authority)
            .With("Authentication:Oidc:ClientId", ClientId)
            .With("Authentication:Oidc:ClientSecret", ClientSecret)
            .With("Authentication:Oidc:RequireHttpsMetadata", "false")
            .With("Authentication:Oidc:RoleClaim", "groups")
            .With("Authentication:Oidc:EditorValues:0", "hr-redaktoerer")
            .With("Authentication:Oidc:LeaderValues:0", "ledere")
            .WithLogs(logs);
    public const string ClientSecret = "not-a-real-secret";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string IdToken, string Challenge)> _codes = new();
    private volatile RsaSecurityKey[] _published;

    private TokenIssuer(WebApplication app, string issuer)
    {
        _app = app;
        Issuer = issuer;
        SigningKey = NewKey();
        _published = [SigningKey];
    }

    public string Issuer { get; }

    /// <summary>The key the issuer signs with and publishes, until <see cref="RotateKeys"/>.</summary>
    public RsaSecurityKey SigningKey { get; private set; }

    private int _verifiedPkceExchanges;
    private int _jwksRequests;

    /// <summary>How often the provider's keys were read.</summary>
    public int JwksRequests => _jwksRequests;

    /// <summary>How many code exchanges came with a verifier that matched the S256 challenge.</summary>
    public int VerifiedPkceExchanges => _verifiedPkceExchanges;

    /// <summary>Whether the discovery document says authorization responses carry <c>iss</c> (RFC 9207).</summary>
    public bool AdvertisesIssParameter { get; set; }

    public static async Task<TokenIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TokenIssuer? self = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = self!.Issuer,
            ["authorization_endpoint"] = self.Issuer + "/authorize",
            ["token_endpoint"] = self.Issuer + "/token",
            ["jwks_uri"] = self.Issuer + "/jwks",
            ["end_session_endpoint"] = self.Issuer + "/logout",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["authorization_response_iss_parameter_supported"] = self.AdvertisesIssParameter,
        }));
        app.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref self!._jwksRequests);
            return Results.Json(new { keys = self._published.Select(Jwk).ToArray() });
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["grant_type"] != "authorization_code")
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            }

            if (!self!._codes.TryRemove(form["code"].ToString(), out var issued))
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var verifier = form["code_verifier"].ToString();
            if (WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != issued.Challenge)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "PKCE verification failed" }, statusCode: 400);
            }

            Interlocked.Increment(ref self._verifiedPkceExchanges);
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                ["token_type"] = "Bearer",
                ["expires_in"] = 300,
                ["id_token"] = issued.IdToken,
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        self = new TokenIssuer(app, address.TrimEnd('/'));
        return self;
    }

    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    /// <summary>Publishes a new key and signs with it from now on; the old key is no longer published.</summary>
    public void RotateKeys()
    {
        SigningKey = NewKey();
        _published = [SigningKey];
    }

    /// <summary>An id_token as a provider would issue it; the callback changes what a test wants wrong.</summary>
    public string Mint(string nonce, string subject = "hanne", IEnumerable<string>? groups = null,
        Action<SecurityTokenDescriptor>? change = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject,
                ["nonce"] = nonce,
                ["name"] = subject == "hanne" ? "Hanne Hansen" : "Mette Madsen",
                ["email"] = subject + "@odense.example",
                ["groups"] = (groups ?? (subject == "hanne" ? ["hr-redaktoerer", "medarbejdere"] : ["medarbejdere"])).ToArray(),
            },
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A back-channel logout token (OpenID Connect Back-Channel Logout 1.0, section 2.4) for a sid, a sub or both.</summary>
    public string MintLogout(string? sid, string? subject = "hanne", Action<SecurityTokenDescriptor>? change = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["events"] = new Dictionary<string, object> { ["http://schemas.openid.net/event/backchannel-logout"] = new Dictionary<string, object>() },
        };
        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        if (sid is not null)
        {
            claims["sid"] = sid;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = "logout+jwt",
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(2),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
            Claims = claims,
        };
        change?.Invoke(descriptor);
        // The times are the descriptor's alone, so a change may leave iat out.
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>Registers a code the token endpoint exchanges for <paramref name="idToken"/> with the right PKCE verifier only.</summary>
    public string IssueCode(string idToken, string codeChallenge)
    {
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = (idToken, codeChallenge);
        return code;
    }

    private static Dictionary<string, string> Jwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = key.KeyId,
            ["n"] = WebEncoders.Base64UrlEncode(parameters.Modulus!),
            ["e"] = WebEncoders.Base64UrlEncode(parameters.Exponent!),
        };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
