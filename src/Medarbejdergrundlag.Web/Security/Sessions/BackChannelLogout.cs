using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace Medarbejdergrundlag.Web.Security.Sessions;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0: the provider POSTs a signed <c>logout_token</c> when a
/// user's session there ends (sign-out elsewhere, an administrator ending it, the account disabled),
/// and the portal ends that user's sessions at once, on every instance. The token is checked as the
/// specification says (section 2.6): signature against the provider's keys, iss, aud, iat, a jti not
/// seen before, the back-channel logout event, no nonce, and a sid or a sub.
/// </summary>
public sealed class BackChannelLogout(
    IOptionsMonitor<OpenIdConnectOptions> oidc,
    SessionStore sessions,
    IDbContextFactory<ContentDbContext> dbFactory,
    TimeProvider clock,
    ILogger<BackChannelLogout> logger)
{
    public const string DefaultPath = "/signout-backchannel";
    public const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    /// <summary>How far iat may lie from now; older tokens are refused, as are their replays.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var token = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(context.RequestAborted))["logout_token"].ToString() : "";
        var (logout, refusal) = await ValidateAsync(token, context.RequestAborted);
        if (logout is null)
        {
            logger.LogWarning("A back-channel logout request was refused: {Reason}", refusal);
            return Results.Json(new { error = "invalid_request" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var issuer = logout.Issuer;
        var oneSession = logout.TryGetPayloadValue<string>("sid", out var sid) && !string.IsNullOrEmpty(sid);
        var ended = oneSession
            ? await sessions.EndAsync(s => s.Issuer == issuer && s.ProviderSessionId == sid, context.RequestAborted)
            : await sessions.EndAsync(s => s.Issuer == issuer && s.Subject == logout.Subject, context.RequestAborted);
        if (!oneSession)
        {
            // Signed out everywhere (as when an account is closed): the calendar links go too. One
            // browser's sign-out leaves the reader's subscriptions alone.
            await context.RequestServices.GetRequiredService<Pages.Phoenix.Forloeb.CalendarFeedLinks>().EndLinksAsync(logout.Subject);
        }

        logger.LogInformation("Back-channel logout from {Issuer} for subject {Subject}, sid {Sid}: {Count} session(s) ended.",
            issuer, logout.Subject, sid, ended);
        return Results.Ok();
    }

    private async Task<(JsonWebToken? Token, string Refusal)> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, "no logout_token");
        }

        var options = oidc.Get(AuthenticationSetup.OidcScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = options.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            // A key the portal has not seen yet makes the handler read the provider's keys again, once.
            ConfigurationManager = options.ConfigurationManager as BaseConfigurationManager,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            // exp is optional in a logout token; iat is checked below.
            RequireExpirationTime = false,
            ValidateLifetime = true,
        };
        var result = await Handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return (null, $"{result.Exception?.GetType().Name}: {result.Exception?.Message}");
        }

        var logout = (JsonWebToken)result.SecurityToken;
        if (!logout.TryGetPayloadValue<long>("iat", out var iat))
        {
            return (null, "no iat");
        }

        var now = clock.GetUtcNow();
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(iat);
        if (issuedAt < now - MaxAge || issuedAt > now + MaxAge)
        {
            return (null, $"iat {issuedAt:O} is too far from now");
        }

        if (!HasLogoutEvent(logout))
        {
            return (null, "no back-channel logout event in events");
        }

        if (logout.TryGetPayloadValue<object>("nonce", out _))
        {
            return (null, "a logout token must not carry a nonce");
        }

        var hasSid = logout.TryGetPayloadValue<string>("sid", out var sid) && !string.IsNullOrEmpty(sid);
        if (!hasSid && string.IsNullOrEmpty(logout.Subject))
        {
            return (null, "neither sid nor sub");
        }

        if (!logout.TryGetPayloadValue<string>("jti", out var jti) || string.IsNullOrEmpty(jti))
        {
            return (null, "no jti");
        }

        if (!await FirstUseAsync(logout.Issuer, jti, (issuedAt + MaxAge).UtcDateTime, now.UtcDateTime, cancellationToken))
        {
            return (null, $"jti {jti} was used before (a replay)");
        }

        return (logout, "");
    }

    /// <summary>
    /// Records the token as used, in the database, so a replay is refused on every instance. The
    /// primary key decides between two instances that receive it at once. Tokens past their iat
    /// window are forgotten: they are refused on age alone.
    /// </summary>
    private async Task<bool> FirstUseAsync(string issuer, string jti, DateTime keepUntil, DateTime now, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(issuer + " " + jti)));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.UsedLogoutTokens.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        db.UsedLogoutTokens.Add(new UsedLogoutToken { Id = id, ExpiresAt = keepUntil });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await check.UsedLogoutTokens.AnyAsync(t => t.Id == id, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private static bool HasLogoutEvent(JsonWebToken token)
    {
        if (!token.TryGetClaim("events", out var events))
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(events.Value);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty(LogoutEvent, out var value)
                && value.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
