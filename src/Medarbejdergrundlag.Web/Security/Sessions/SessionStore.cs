using System.Collections.Concurrent;
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
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Security.Sessions;

public sealed class PortalSessionOptions
{
    public const string Section = "Authentication:Session";

    /// <summary>The sliding lifetime, renewed while the session is used.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The end no use can move; after it the user signs in again (silently, where the provider allows).</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>
/// The cookie handler's session store: the cookie carries a random key, the ticket lives in the
/// database (protected with Data Protection) behind an in-memory copy, so a request reads memory,
/// not the database. The database is read once per session per instance (after a restart, or a
/// session made on another instance) and written at sign-in, at the cookie's sliding renewal and at
/// the end. Ending a session marks its row; <see cref="SessionEndWatcher"/> tells every other
/// instance within a second.
/// </summary>
public sealed class SessionStore(
    IDbContextFactory<ContentDbContext> dbFactory, IDataProtectionProvider dataProtection, TimeProvider clock,
    PortalSessionOptions options, ILogger<SessionStore> logger) : ITicketStore
{
    /// <summary>HttpContext.Items key under which the current request's session id is kept.</summary>
    public const string CurrentSessionItem = "mg.session.id";

    private readonly ConcurrentDictionary<string, CachedSession> _cache = new(StringComparer.Ordinal);
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

        _cache[session.Id] = new CachedSession(ticket, session);
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
        if (!_cache.TryGetValue(id, out var cached) || cached.Ended)
        {
            return;
        }

        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime ?? clock.GetUtcNow().UtcDateTime + options.Lifetime;
        var protectedTicket = Protect(ticket);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.UserSessions.Where(s => s.Id == id && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, expires).SetProperty(s => s.Ticket, protectedTicket), cancellationToken);
        }

        _cache[id] = cached with { Ticket = ticket, ExpiresAt = expires };
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        if (!_cache.TryGetValue(id, out var cached))
        {
            cached = await LoadAsync(id, cancellationToken);
            if (cached is null)
            {
                return null;
            }

            cached = _cache.GetOrAdd(id, cached);
        }

        if (cached.Ended)
        {
            return null;
        }

        if (clock.GetUtcNow().UtcDateTime >= cached.AbsoluteExpiresAt)
        {
            logger.LogInformation("Session of {Subject} reached its absolute lifetime; the user signs in again.", cached.Subject);
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

    /// <summary>Stores a ticket from an old whole-ticket cookie under a key derived from that cookie, once.</summary>
    public async Task<string> AdoptAsync(string cookie, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = "legacy." + WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(cookie)));
        var id = IdOf(key);
        if (_cache.ContainsKey(id))
        {
            return key;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.UserSessions.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return key;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var issued = ticket.Properties.IssuedUtc?.UtcDateTime ?? now;
        var user = ticket.Principal;
        db.UserSessions.Add(new UserSession
        {
            Id = id,
            Subject = user.FindFirstValue(ClaimTypes.NameIdentifier)!,
            Issuer = user.FindFirstValue(PortalClaims.Issuer) ?? "",
            ProviderSessionId = user.FindFirstValue(PortalClaims.SessionId),
            DisplayName = Truncate(user.Identity?.Name ?? "", 200),
            CreatedAt = issued,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + options.Lifetime,
            AbsoluteExpiresAt = issued + options.AbsoluteLifetime,
            Ticket = Protect(ticket),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request or instance adopted the same cookie first.
        }

        logger.LogInformation("Adopted a session cookie from before server sessions for {Subject}.", user.FindFirstValue(ClaimTypes.NameIdentifier));
        return key;
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
            if (_cache.TryGetValue(id, out var cached))
            {
                _cache[id] = cached with { Ended = true };
            }
        }
    }

    /// <summary>Drops from memory what can no longer be used: ended, or past either lifetime.</summary>
    public void Trim()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (id, cached) in _cache)
        {
            if (cached.Ended || now >= cached.ExpiresAt || now >= cached.AbsoluteExpiresAt)
            {
                _cache.TryRemove(id, out _);
            }
        }
    }

    /// <summary>How many sessions this instance holds in memory (for tests and diagnostics).</summary>
    public int CachedCount => _cache.Count;

    public static string IdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

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

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private sealed record CachedSession(AuthenticationTicket Ticket, string Subject, DateTime ExpiresAt, DateTime AbsoluteExpiresAt, bool Ended = false)
    {
        public CachedSession(AuthenticationTicket ticket, UserSession session)
            : this(ticket, session.Subject, session.ExpiresAt, session.AbsoluteExpiresAt)
        {
        }
    }
}

/// <summary>
/// Watches the database for sessions ended by any instance (sign-out, back-channel logout) and
/// forgets them here within a second; now and then it also drops expired sessions from memory and
/// from the table.
/// </summary>
public sealed class SessionEndWatcher(IDbContextFactory<ContentDbContext> dbFactory, SessionStore store, TimeProvider clock, ILogger<SessionEndWatcher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTime? seen = null;
        var lastTrim = DateTime.MinValue;
        var failing = false;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                if (seen is null)
                {
                    seen = await db.UserSessions.MaxAsync(s => s.EndedAt, stoppingToken) ?? DateTime.MinValue;
                    continue;
                }

                // A little overlap: two instances' ends can commit out of order within the same moment.
                var since = seen.Value == DateTime.MinValue ? seen.Value : seen.Value.AddSeconds(-5);
                var ended = await db.UserSessions.Where(s => s.EndedAt >= since)
                    .Select(s => new { s.Id, s.EndedAt }).ToListAsync(stoppingToken);
                if (ended.Count > 0)
                {
                    store.Forget(ended.Select(e => e.Id));
                    seen = ended.Max(e => e.EndedAt);
                }

                var now = clock.GetUtcNow().UtcDateTime;
                if (now - lastTrim > TimeSpan.FromMinutes(10))
                {
                    lastTrim = now;
                    store.Trim();
                    // Kept a day past their end, so a late look at "your sessions" still makes sense.
                    var old = now.AddDays(-1);
                    await db.UserSessions.Where(s => s.AbsoluteExpiresAt < old || s.ExpiresAt < old || s.EndedAt < old)
                        .ExecuteDeleteAsync(stoppingToken);
                }

                failing = false;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be down for a while (see the outage page); keep watching, and say so once.
                if (!failing)
                {
                    logger.LogWarning(exception, "Could not read ended sessions from the database; trying again every second.");
                }

                failing = true;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>
/// Cookies from before server sessions carry the whole ticket. Each is adopted once as a stored
/// session under a key derived from the cookie itself, so the reader stays signed in across the
/// upgrade, the cookie is replaced by a key-only one at its next renewal, and signing out ends it
/// like any other session: a copy of the old cookie then finds its session ended.
/// </summary>
internal sealed class AdoptLegacyCookies(SessionStore store) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == CookieAuthenticationDefaults.AuthenticationScheme && options.TicketDataFormat is { } inner and not Format)
        {
            options.TicketDataFormat = new Format(inner, store);
        }
    }

    private sealed class Format(ISecureDataFormat<AuthenticationTicket> inner, SessionStore store) : ISecureDataFormat<AuthenticationTicket>
    {
        /// <summary>Cookies remembered at most; past this, the memory starts over.</summary>
        private const int Remembered = 10_000;

        // Reading a cookie means decrypting it with Data Protection, on every request, and a cookie
        // always reads the same: the key of one session. So what a cookie read is remembered by the
        // cookie itself. Whether that session is still alive is not: the session store decides
        // that in memory on every request, so a session ended anywhere is refused within a second.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AuthenticationTicket> _read = new(StringComparer.Ordinal);

        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            if (protectedText is null || purpose is not null)
            {
                return Read(protectedText, purpose);
            }

            if (_read.TryGetValue(protectedText, out var known))
            {
                return known;
            }

            var ticket = Read(protectedText, null);
            if (ticket is not null)
            {
                if (_read.Count >= Remembered)
                {
                    _read.Clear();
                }

                _read[protectedText] = ticket;
            }

            return ticket;
        }

        private AuthenticationTicket? Read(string? protectedText, string? purpose)
        {
            var ticket = inner.Unprotect(protectedText, purpose);
            if (ticket is null || ticket.Principal.HasClaim(c => c.Type == SessionIdClaim) || !ticket.Principal.HasClaim(c => c.Type == ClaimTypes.NameIdentifier))
            {
                return ticket;
            }

            // Once per old cookie and instance; the data format has no async path.
            var key = store.AdoptAsync(protectedText!, ticket, CancellationToken.None).GetAwaiter().GetResult();
            var identity = new ClaimsIdentity([new Claim(SessionIdClaim, key)], ticket.AuthenticationScheme);
            return new AuthenticationTicket(new ClaimsPrincipal(identity), ticket.Properties, ticket.AuthenticationScheme);
        }
    }
}
