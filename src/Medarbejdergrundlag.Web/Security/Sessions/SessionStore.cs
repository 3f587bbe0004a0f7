using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Medarbejdergrundlag.Web.Security.Sessions;

/// <summary>
/// The cookie handler's session store: the cookie carries a random key, the ticket lives in the
/// database (protected with Data Protection) behind an in-memory copy, so a request reads memory,
/// not the database. The database is read once per session per instance (after a restart, or a
/// session made on another instance) and written at sign-in, at the cookie's sliding renewal and at
/// the end. Ending a session marks its row; <see cref="SessionEndWatcher"/> tells every other
/// instance within a second.
/// </summary>
public sealed partial class SessionStore(
    IDbContextFactory<ContentDbContext> dbFactory, IDataProtectionProvider dataProtection, TimeProvider clock,
    PortalSessionOptions options, ILogger<SessionStore> logger) : ITicketStore, IDisposable
{
    /// <summary>HttpContext.Items key under which the current request's session id is kept.</summary>
    public const string CurrentSessionItem = "mg.session.id";

    /// <summary>The prefix of keys that name a cookie from before server sessions (<see cref="AdoptLegacyCookies"/>).</summary>
    public const string LegacyKeyPrefix = "legacy.";

    // Bounded: past the limit the least recently used sessions are dropped and read again from the
    // database when next used. Entries expire with their session.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.MemoryLimit, CompactionPercentage = 0.1 });

    // Old whole-ticket cookies read in this request and not yet adopted, by their legacy key.
    private readonly MemoryCache _pendingAdoption = new(new MemoryCacheOptions { SizeLimit = 1_000 });

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Medarbejdergrundlag.Sessions.Ticket");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var user = ticket.Principal;
        var session = new UserSession
        {
            Id = IdOf(key),
            Subject = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A session needs a subject."),
            Issuer = user.FindFirstValue(PortalClaims.Issuer) ?? "",
            ProviderSessionId = user.FindFirstValue(PortalClaims.SessionId),
            DisplayName = Truncate(user.Identity?.Name ?? "", 200),
            UserAgent = Truncate(httpContext?.Request.Headers.UserAgent.ToString() ?? "", 300),
            CreatedAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + options.Lifetime,
            AbsoluteExpiresAt = now + options.AbsoluteLifetime,
            Ticket = Protect(ticket),
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.UserSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
        }

        Remember(session.Id, new CachedSession(ticket, session));
        if (httpContext is not null)
        {
            httpContext.Items[CurrentSessionItem] = session.Id;
        }

        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        if (!_cache.TryGetValue(id, out CachedSession? cached) || cached is null || cached.Ended)
        {
            return;
        }

        // A session belongs to the one sign-in that made it. A ticket of anyone else (another user,
        // provider or provider session) under this key is refused, and the session ends, so no copy
        // of the cookie opens either user's pages.
        if (!cached.SameSignIn(ticket.Principal))
        {
            logger.LogWarning("A renewal carried the ticket of another sign-in than the session's; the session was ended.");
            await EndAsync(s => s.Id == id, cancellationToken);
            return;
        }

        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime ?? clock.GetUtcNow().UtcDateTime + options.Lifetime;
        var protectedTicket = Protect(ticket);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.UserSessions.Where(s => s.Id == id && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, expires).SetProperty(s => s.Ticket, protectedTicket), cancellationToken);
        }

        Remember(id, cached with { Ticket = ticket, ExpiresAt = expires });
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        if (!_cache.TryGetValue(id, out CachedSession? cached) || cached is null)
        {
            cached = await LoadAsync(id, cancellationToken);
            if (cached is null && key.StartsWith(LegacyKeyPrefix, StringComparison.Ordinal) && _pendingAdoption.TryGetValue(key, out AuthenticationTicket? legacy) && legacy is not null)
            {
                cached = await AdoptAsync(id, legacy, cancellationToken);
            }

            if (cached is null)
            {
                return null;
            }

            Remember(id, cached);
        }

        if (cached.Ended)
        {
            return null;
        }

        if (clock.GetUtcNow().UtcDateTime >= cached.AbsoluteExpiresAt)
        {
            logger.LogInformation("A session reached its absolute lifetime; the user signs in again.");
            await EndAsync(s => s.Id == id, cancellationToken);
            return null;
        }

        if (httpContext is not null)
        {
            httpContext.Items[CurrentSessionItem] = id;
        }

        return cached.Ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        await EndAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>Ends every session the filter selects, here at once and on other instances within a second.</summary>
    public async Task<int> EndAsync(System.Linq.Expressions.Expression<Func<UserSession, bool>> which, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<string> ended;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            ended = await db.UserSessions.Where(which).Where(s => s.EndedAt == null).Select(s => s.Id).ToListAsync(cancellationToken);
            if (ended.Count > 0)
            {
                await db.UserSessions.Where(s => ended.Contains(s.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), cancellationToken);
            }
        }

        Forget(ended);
        return ended.Count;
    }

    /// <summary>Marks sessions ended in memory (called for ends seen in the database, made by any instance).</summary>
    public void Forget(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (_cache.TryGetValue(id, out CachedSession? cached) && cached is not null)
            {
                Remember(id, cached with { Ended = true });
            }
        }
    }

    /// <summary>Drops from memory what has expired (the cache also does so by itself now and then).</summary>
    public void Trim() => _cache.Compact(0);

    /// <summary>How many sessions this instance holds in memory (for tests and diagnostics).</summary>
    public int CachedCount => _cache.Count;

    public static string IdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public void Dispose()
    {
        _cache.Dispose();
        _pendingAdoption.Dispose();
    }

    private void Remember(string id, CachedSession session)
    {
        // Kept while it can be used; an ended one a little longer, so a copy of its cookie is refused
        // from memory rather than read again.
        var until = session.Ended ? clock.GetUtcNow().UtcDateTime.AddMinutes(10) : Min(session.ExpiresAt, session.AbsoluteExpiresAt);
        _cache.Set(id, session, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = new DateTimeOffset(until, TimeSpan.Zero) });
    }

    private async Task<CachedSession?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.EndedAt == null, cancellationToken);
        if (session is null)
        {
            return null;
        }

        try
        {
            var ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
            return ticket is null ? null : new CachedSession(ticket, session);
        }
        catch (CryptographicException exception)
        {
            logger.LogWarning(exception, "A stored session could not be read; the user signs in again.");
            return null;
        }
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private sealed record CachedSession(
        AuthenticationTicket Ticket, string Subject, string Issuer, string? ProviderSessionId, DateTime ExpiresAt, DateTime AbsoluteExpiresAt, bool Ended = false)
    {
        public CachedSession(AuthenticationTicket ticket, UserSession session)
            : this(ticket, session.Subject, session.Issuer, session.ProviderSessionId, session.ExpiresAt, session.AbsoluteExpiresAt)
        {
        }

        /// <summary>True when <paramref name="user"/> is the sign-in this session was made for.</summary>
        public bool SameSignIn(ClaimsPrincipal user) =>
            user.FindFirstValue(ClaimTypes.NameIdentifier) == Subject
            && (user.FindFirstValue(PortalClaims.Issuer) ?? "") == Issuer
            && user.FindFirstValue(PortalClaims.SessionId) == ProviderSessionId;
    }
}
