using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Security.Sessions;

/// <summary>
/// Cookies from before server sessions carry the whole ticket. While adoption is open (see
/// <see cref="SessionStore"/>), each is adopted once as a stored session under a key derived from the
/// cookie itself, so the reader stays signed in across the upgrade, the cookie is replaced by a
/// key-only one at its next renewal, and signing out ends it like any other session. The data format
/// only names the key; the store decides, asynchronously, whether to adopt.
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

    private sealed class Format(ISecureDataFormat<AuthenticationTicket> inner, SessionStore store) : ISecureDataFormat<AuthenticationTicket>, IDisposable
    {
        // Reading a cookie means decrypting it with Data Protection, on every request, and a cookie
        // always reads the same: the key of one session. So what a cookie read is remembered by the
        // cookie itself, in a bounded memory. Whether that session is still alive is not: the session
        // store decides that on every request, so a session ended anywhere is refused within a second.
        private readonly MemoryCache _read = new(new MemoryCacheOptions { SizeLimit = 10_000, CompactionPercentage = 0.2 });

        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            if (protectedText is null || purpose is not null)
            {
                return inner.Unprotect(protectedText, purpose);
            }

            if (_read.TryGetValue(protectedText, out AuthenticationTicket? known) && known is not null)
            {
                return known;
            }

            var ticket = inner.Unprotect(protectedText, null);
            if (ticket is null || !IsLegacy(ticket))
            {
                if (ticket is not null)
                {
                    _read.Set(protectedText, ticket, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
                }

                return ticket;
            }

            // Not remembered: the store must see the old ticket in the same request that asks for its key.
            var key = store.NoteLegacyCookie(protectedText, ticket);
            var identity = new ClaimsIdentity([new Claim(SessionIdClaim, key)], ticket.AuthenticationScheme);
            return new AuthenticationTicket(new ClaimsPrincipal(identity), ticket.Properties, ticket.AuthenticationScheme);
        }

        public void Dispose() => _read.Dispose();

        private static bool IsLegacy(AuthenticationTicket ticket) =>
            !ticket.Principal.HasClaim(c => c.Type == SessionIdClaim) && ticket.Principal.HasClaim(c => c.Type == ClaimTypes.NameIdentifier);
    }
}
